using System.Reflection;

namespace Crm.Sdk;

/// <summary>How <see cref="CrmServiceCollectionExtensions.AddCrm"/> sets up the engine: where to look for ERP adapters.</summary>
public sealed class CrmOptions
{
    private readonly List<Assembly> _adapterAssemblies = [];
    private readonly List<string> _pluginFolders = [];

    /// <summary>The assemblies scanned for <c>IErpAdapter</c> implementations.</summary>
    public IReadOnlyList<Assembly> AdapterAssemblies => _adapterAssemblies;

    /// <summary>The folders whose assemblies are loaded as adapter plugins.</summary>
    public IReadOnlyList<string> PluginFolders => _pluginFolders;

    /// <summary>Scans <paramref name="assemblies"/> for public, non-abstract <c>IErpAdapter</c> classes.</summary>
    public CrmOptions ScanAdaptersIn(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        _adapterAssemblies.AddRange(assemblies.Where(a => !_adapterAssemblies.Contains(a)));
        return this;
    }

    /// <summary>
    /// Loads every assembly in <paramref name="folder"/> in a plugin load context that shares the contract assemblies with the
    /// host, and takes the adapters it contains.
    /// </summary>
    public CrmOptions LoadPluginsFrom(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _pluginFolders.Add(folder);
        return this;
    }
}
