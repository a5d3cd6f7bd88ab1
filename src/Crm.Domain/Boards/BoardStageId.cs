using Crm.Domain.Identity;
namespace Crm.Domain.Boards;

/// <summary>Identifies a stage (list) of a board.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct BoardStageId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static BoardStageId New() => new(IdMint.NewGuid());
}
