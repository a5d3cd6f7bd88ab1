using Crm.Domain.Identity;
namespace Crm.Domain.Funnel.Pipelines;

/// <summary>Identifies a sales pipeline (funnel) of a tenant.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct PipelineId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static PipelineId New() => new(IdMint.NewGuid());
}
