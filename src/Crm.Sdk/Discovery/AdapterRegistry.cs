using Crm.Domain.Integration;

namespace Crm.Sdk.Discovery;

/// <summary>
/// The adapters registered in one service collection, kept in it as an instance so every registration sees the others.
/// Each registration is checked at once on a probe (an adapter built from the options known at registration), so two
/// adapters for one ERP or a foreign contract fail where they are registered; the <see cref="ErpAdapterCatalog"/> the
/// host resolves is built from the options in effect then (configuration, <c>Configure&lt;T&gt;</c>, validated).
/// </summary>
internal sealed class AdapterRegistry
{
    private readonly ErpAdapterCatalog _probes = new(ContractVersion.Current);
    private readonly Dictionary<RegisteredAdapter, Func<IServiceProvider, IErpAdapter>> _create = new(ReferenceEqualityComparer.Instance);

    /// <summary>Checks <paramref name="probe"/> against the others; <paramref name="create"/> makes the adapter the host runs.</summary>
    public void Add(RegisteredAdapter probe, Func<IServiceProvider, IErpAdapter> create)
    {
        _probes.Add(probe);
        _create[probe] = create;
    }

    /// <summary>The catalog of the adapters kept, each made from the options in effect.</summary>
    public ErpAdapterCatalog Build(IServiceProvider services)
    {
        var catalog = new ErpAdapterCatalog(_probes.Host);
        foreach (var probe in _probes.All)
            catalog.Add(probe with { Adapter = _create[probe](services) });
        return catalog;
    }
}
