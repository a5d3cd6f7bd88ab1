using Crm.Domain.Identity;
namespace Crm.Domain.Boards.Content;

/// <summary>Identifies a comment on a card or base card.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct CommentId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static CommentId New() => new(IdMint.NewGuid());
}
