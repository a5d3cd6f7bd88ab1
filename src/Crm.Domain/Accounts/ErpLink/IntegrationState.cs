using NodaTime;
using OneOf;

namespace Crm.Domain.Accounts.ErpLink;

/// <summary>The back-office system a tenant integrates its accounts with (parameters INTEGR_ERP_EMS / INTEGR_GP, seed 000).</summary>
public enum IntegrationSystem
{
    /// <summary>The ERP (Datasul EMS, Protheus, Mega...): statuses read "... ERP".</summary>
    Erp,

    /// <summary><i>Gestão de Planos</i> (health-plan management): statuses read "... GP".</summary>
    Gp,
}

/// <summary>The account has never been accepted by the ERP or GP (every lead is in this state).</summary>
public sealed record NotIntegrated
{
    /// <summary>The single value.</summary>
    public static NotIntegrated Instance { get; } = new();

    private NotIntegrated() { }
}

/// <summary>The ERP accepted the account as a customer.</summary>
/// <param name="ErpCode">The customer's key in the ERP (e.g. Datasul <c>cod-emitente</c>).</param>
/// <param name="IntegratedOn">When the ERP accepted it: the start of the inactivity count before any purchase.</param>
public sealed record IntegratedWithErp(string ErpCode, LocalDate IntegratedOn);

/// <summary>The account came from <i>Gestão de Planos</i> (GP → CRM), the only way GP accounts integrate.</summary>
/// <param name="GpCode">The beneficiary/contractor key in GP.</param>
/// <param name="HasActiveTerm">Whether its <i>Termo de Adesão</i> is active: GP's active/inactive (ERP.md §1.1, CRM-CONTAS).</param>
public sealed record IntegratedWithGp(string GpCode, bool HasActiveTerm);

/// <summary>Where an account stands with the back office.</summary>
public sealed class IntegrationState : OneOfBase<NotIntegrated, IntegratedWithErp, IntegratedWithGp>
{
    private IntegrationState(OneOf<NotIntegrated, IntegratedWithErp, IntegratedWithGp> value) : base(value) { }

    /// <summary>Not integrated.</summary>
    public static IntegrationState None { get; } = new(NotIntegrated.Instance);

    /// <summary>Not integrated.</summary>
    public static implicit operator IntegrationState(NotIntegrated value) => new(value);

    /// <summary>Integrated with the ERP.</summary>
    public static implicit operator IntegrationState(IntegratedWithErp value) => new(value);

    /// <summary>Integrated with GP.</summary>
    public static implicit operator IntegrationState(IntegratedWithGp value) => new(value);

    /// <summary>True when the ERP or GP knows the account.</summary>
    public bool IsIntegrated => !IsT0;

    /// <summary>
    /// True when a CRM change must be sent to <i>Gestão de Planos</i>: only accounts that came from GP, and not while their
    /// term is active (seed 000: "possui termo ativo, não é enviada").
    /// </summary>
    public bool SendsChangesToGp => TryPickT2(out var gp, out _) && !gp.HasActiveTerm;
}
