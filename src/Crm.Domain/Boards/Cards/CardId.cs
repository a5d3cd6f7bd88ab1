using Crm.Domain.Identity;
namespace Crm.Domain.Boards.Cards;

/// <summary>Identifies a prospect card; ordered by value so that paging has a stable tie-break.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct CardId(Guid Value) : IComparable<CardId>
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static CardId New() => new(IdMint.NewGuid());

    /// <inheritdoc />
    public int CompareTo(CardId other) => Value.CompareTo(other.Value);
}
