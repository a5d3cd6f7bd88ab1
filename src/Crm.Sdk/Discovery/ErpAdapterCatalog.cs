using Crm.Domain.Integration;

namespace Crm.Sdk.Discovery;

/// <summary>How an adapter came to be registered.</summary>
public enum AdapterSource
{
    /// <summary>Registered explicitly (<c>AddErpAdapter</c>, <c>AddDatasulAdapter</c>...).</summary>
    Explicit,

    /// <summary>Found by scanning an assembly given to <c>AddCrm</c>.</summary>
    Scanned,

    /// <summary>Loaded from a plugin folder.</summary>
    Plugin,
}

/// <summary>A registered adapter and where it came from.</summary>
/// <param name="Adapter">The adapter.</param>
/// <param name="Source">How it was registered.</param>
/// <param name="Origin">The assembly location or name it came from, quoted in start-up errors.</param>
public sealed record RegisteredAdapter(IErpAdapter Adapter, AdapterSource Source, string Origin)
{
    /// <summary>E.g. <c>TOTVS Datasul (EMS) [datasul, contract 1.0] (Crm.Adapters.Datasul.DatasulAdapter from Crm.Adapters.Datasul)</c>.</summary>
    public override string ToString() => $"{Adapter.Descriptor} ({Adapter.GetType().FullName} from {Origin})";
}

/// <summary>
/// The adapters the engine runs, one per ERP, checked as each is added: an adapter built for a contract the host does not
/// accept, or a second adapter type for an ERP that has one, stops the start-up with a message naming both. The same type
/// added twice is kept once, an explicit registration replacing a discovered one (its options win).
/// </summary>
public sealed class ErpAdapterCatalog
{
    private readonly Dictionary<ErpId, RegisteredAdapter> _byErp = [];

    /// <summary>Creates an empty catalog for a host implementing <paramref name="host"/>.</summary>
    public ErpAdapterCatalog(ContractVersion host) => Host = host;

    /// <summary>The contract version the host implements.</summary>
    public ContractVersion Host { get; }

    /// <summary>The adapters, in ERP id order.</summary>
    public IReadOnlyList<RegisteredAdapter> All => [.. _byErp.Values.OrderBy(r => r.Adapter.Descriptor.Erp.Value, StringComparer.Ordinal)];

    /// <summary>The adapter of <paramref name="erp"/>, or null.</summary>
    public IErpAdapter? For(ErpId erp) => _byErp.GetValueOrDefault(erp)?.Adapter;

    /// <summary>Adds <paramref name="candidate"/>; throws <see cref="CrmConfigurationException"/> when it cannot run here.</summary>
    public void Add(RegisteredAdapter candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var descriptor = candidate.Adapter.Descriptor;
        if (!Host.Accepts(descriptor.BuiltFor))
            throw new CrmConfigurationException(
                $"The ERP adapter {candidate} was built for adapter contract {descriptor.BuiltFor}, but this host implements contract {Host}: " +
                $"an adapter must share the host's major version and have a minor version of at most {Host.Minor}. Rebuild it against Crm.Domain {Host}.");
        if (_byErp.TryGetValue(descriptor.Erp, out var existing))
        {
            if (SameType(existing.Adapter, candidate.Adapter))
            {
                if (candidate.Source == AdapterSource.Explicit)
                    _byErp[descriptor.Erp] = candidate;
                return;
            }
            throw new CrmConfigurationException(
                $"Two ERP adapters for ERP '{descriptor.Erp}': {existing} and {candidate}. Register only one adapter per ERP.");
        }
        _byErp[descriptor.Erp] = candidate;
    }

    // By name: a plugin context may load a second copy of a type the host already registered.
    private static bool SameType(IErpAdapter a, IErpAdapter b) =>
        a.GetType() == b.GetType() || a.GetType().AssemblyQualifiedName == b.GetType().AssemblyQualifiedName;
}
