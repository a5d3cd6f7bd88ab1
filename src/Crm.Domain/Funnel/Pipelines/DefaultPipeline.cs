using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using OneOf;

namespace Crm.Domain.Funnel.Pipelines;

/// <summary>
/// The six-stage funnel every tenant starts with (seed 001: "Dividido em 6 etapas"), editable afterwards.
/// Names and probabilities follow the common B2B practice in Brazilian CRMs: four working stages whose
/// probability grows with commitment, then won (100 %) and lost (0 %).
/// </summary>
public static class DefaultPipeline
{
    /// <summary>The default stage definitions, in funnel order.</summary>
    /// <param name="prospect">The account type an account takes when it is qualified (lead → prospect).</param>
    /// <param name="customer">The account type an account takes when a deal is won (prospect → customer).</param>
    public static IReadOnlyList<StageDefinition> Stages(MasterDataCode? prospect, MasterDataCode? customer) =>
    [
        new("Prospecção", 10, StagnantDays: 15),
        new("Qualificação", 25, StagnantDays: 15, PromoteAccountTo: prospect),
        new("Proposta", 50, StagnantDays: 10),
        new("Negociação", 75, StagnantDays: 10),
        new("Fechado - ganho", 100, StageOutcome.Won, PromoteAccountTo: customer),
        new("Fechado - perdido", 0, StageOutcome.Lost),
    ];

    /// <summary>Creates the default pipeline for a tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="prospect">The tenant's prospect account type, promoted to on qualification.</param>
    /// <param name="customer">The tenant's customer account type, promoted to on winning.</param>
    public static OneOf<Pipeline, Invalid> Create(TenantId tenant, MasterDataCode? prospect, MasterDataCode? customer) =>
        Pipeline.Create(tenant, "Funil de vendas", Stages(prospect, customer));
}
