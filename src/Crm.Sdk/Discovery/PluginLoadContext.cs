using System.Reflection;
using System.Runtime.Loader;

namespace Crm.Sdk.Discovery;

/// <summary>
/// Loads the assemblies of one plugin folder. The contract assemblies (and anything the host has already loaded) always come
/// from the host, so a plugin's <c>IErpAdapter</c> is the host's type; a copy of them inside the folder is ignored.
/// Every other dependency is looked up in the folder first.
/// </summary>
internal sealed class PluginLoadContext(string folder) : AssemblyLoadContext($"Crm plugins {folder}")
{
    /// <summary>What host and plugins must share: the adapter contract and the types that appear in it.</summary>
    public static readonly IReadOnlySet<string> ContractAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Crm.Domain", "Crm.Sdk", "NodaTime", "OneOf",
        "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives",
    };

    /// <summary>True when <paramref name="name"/> must come from the host.</summary>
    public static bool IsShared(AssemblyName name) =>
        name.Name is { } simple && (ContractAssemblies.Contains(simple) || Default.Assemblies.Any(a => a.GetName().Name == simple));

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
            return null;
        var path = Path.Combine(folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
