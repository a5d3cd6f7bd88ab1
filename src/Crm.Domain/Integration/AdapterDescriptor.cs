namespace Crm.Domain.Integration;

/// <summary>What an adapter can do beyond eligibility and mapping.</summary>
[Flags]
public enum ErpCapabilities
{
    /// <summary>Nothing declared.</summary>
    None = 0,

    /// <summary>Sends CRM accounts to the ERP as customers.</summary>
    ExportAccounts = 1,

    /// <summary>Reads ERP customers back into CRM registrations.</summary>
    ImportAccounts = 2,

    /// <summary>Reads the customer's situation in the ERP (<c>Ativo ERP</c> / <c>Inativo ERP</c>).</summary>
    AccountStatus = 4,

    /// <summary>
    /// Runs an initial load of the ERP's companies, branches, customers, payment conditions and price tables
    /// (Senior X "carga inicial", seed 001).
    /// </summary>
    InitialLoad = 8,

    /// <summary>Sends accounts to <i>Gestão de Planos</i> under parameter INTEGR_GP (seed 000).</summary>
    GestaoDePlanos = 16,
}

/// <summary>An adapter's identity card: its ERP, a display name, its capabilities and the contract version it was built for.</summary>
public sealed record AdapterDescriptor
{
    /// <summary>
    /// Creates a descriptor for the contract version the adapter is compiled against: the defaults of
    /// <paramref name="contractMajor"/> and <paramref name="contractMinor"/> are constants the compiler copies into the
    /// adapter's assembly, so the version travels with the adapter, not with the host that loads it.
    /// </summary>
    public AdapterDescriptor(ErpId erp, string name, ErpCapabilities capabilities, int contractMajor = ContractVersion.CompiledMajor,
        int contractMinor = ContractVersion.CompiledMinor) : this(erp, name, capabilities, new ContractVersion(contractMajor, contractMinor)) { }

    /// <summary>Creates a descriptor for the contract version <paramref name="builtFor"/> (never <see cref="ContractVersion.Current"/>, the host's).</summary>
    public AdapterDescriptor(ErpId erp, string name, ErpCapabilities capabilities, ContractVersion builtFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (erp.Value is null)
            throw new ArgumentException("The ERP id is required.", nameof(erp));
        Erp = erp;
        Name = name;
        Capabilities = capabilities;
        BuiltFor = builtFor;
    }

    /// <summary>The ERP.</summary>
    public ErpId Erp { get; }

    /// <summary>A display name, e.g. <c>TOTVS Datasul (EMS)</c>.</summary>
    public string Name { get; }

    /// <summary>What it can do.</summary>
    public ErpCapabilities Capabilities { get; }

    /// <summary>The contract version it was compiled against.</summary>
    public ContractVersion BuiltFor { get; }

    /// <summary>True when it declares every capability in <paramref name="capabilities"/>.</summary>
    public bool Can(ErpCapabilities capabilities) => (Capabilities & capabilities) == capabilities;

    /// <summary>E.g. <c>TOTVS Datasul (EMS) [datasul, contract 1.0]</c>.</summary>
    public override string ToString() => $"{Name} [{Erp}, contract {BuiltFor}]";
}
