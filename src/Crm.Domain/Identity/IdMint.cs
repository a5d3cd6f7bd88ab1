namespace Crm.Domain.Identity;

/// <summary>The one place the domain creates a Guid (Guid.NewGuid is banned elsewhere, see BannedSymbols.txt):
/// for the ids an aggregate gives its own parts (stages, tags, comments, attachments, cards).</summary>
internal static class IdMint
{
    /// <summary>A new random Guid.</summary>
#pragma warning disable RS0030 // the single sanctioned use
    internal static Guid NewGuid() => Guid.NewGuid();
#pragma warning restore RS0030
}
