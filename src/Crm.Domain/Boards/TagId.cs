using Crm.Domain.Identity;
namespace Crm.Domain.Boards;

/// <summary>Identifies a tag (etiqueta) of a board.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct TagId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static TagId New() => new(IdMint.NewGuid());
}
