using Crm.Domain.Identity;
namespace Crm.Domain.Funnel.Pipelines;

/// <summary>Identifies a stage of a pipeline; unique across pipelines.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct StageId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static StageId New() => new(IdMint.NewGuid());
}
