using Crm.Domain.Identity;
namespace Crm.Domain.Boards.BaseCards;

/// <summary>Identifies a base card (template) of a board.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct BaseCardId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static BaseCardId New() => new(IdMint.NewGuid());
}
