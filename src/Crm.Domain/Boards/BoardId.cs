using Crm.Domain.Identity;
namespace Crm.Domain.Boards;

/// <summary>Identifies a kanban board of prospect cards.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct BoardId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static BoardId New() => new(IdMint.NewGuid());
}
