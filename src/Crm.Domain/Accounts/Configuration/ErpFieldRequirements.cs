using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Accounts.Configuration;

/// <summary>
/// What an ERP requires of a customer record, supplied by its adapter (e.g. Datasul <c>emitente</c>: <c>nome-abrev</c> ≤ 12,
/// <c>nome-emit</c>, client group, representative... — ERP.md §1.2). Applied on save and on lead conversion when the tenant
/// turns on "consider the ERP's mandatory fields" and the client type integrates.
/// </summary>
public sealed record ErpFieldRequirements
{
    /// <summary>Creates the requirements of one ERP.</summary>
    /// <param name="erpName">The ERP's name, quoted in messages (e.g. <c>Datasul</c>).</param>
    /// <param name="required">The fields it cannot do without.</param>
    /// <param name="maxLengths">The longest text it stores per field (e.g. short name 12 for Datasul, legal name 40 for Protheus <c>A1_NOME</c>).</param>
    public ErpFieldRequirements(string erpName, IEnumerable<RegistrationField> required,
        IReadOnlyDictionary<RegistrationField, int>? maxLengths = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpName);
        ErpName = erpName;
        Required = required.ToHashSet();
        MaxLengths = maxLengths ?? new Dictionary<RegistrationField, int>();
    }

    /// <summary>The ERP's name.</summary>
    public string ErpName { get; }

    /// <summary>The fields the ERP requires.</summary>
    public IReadOnlySet<RegistrationField> Required { get; }

    /// <summary>The longest text the ERP stores, per field.</summary>
    public IReadOnlyDictionary<RegistrationField, int> MaxLengths { get; }
}
