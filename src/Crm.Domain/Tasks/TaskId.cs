using Crm.Domain.Identity;
namespace Crm.Domain.Tasks;

/// <summary>Identifies a task on a card or an opportunity.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct TaskId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static TaskId New() => new(IdMint.NewGuid());
}
