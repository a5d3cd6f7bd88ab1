using System.Reflection;
using System.Runtime.Loader;

namespace Crm.Sdk.Discovery;

/// <summary>
/// Loads the assemblies of one plugin folder. The host-owned assemblies (<see cref="PluginHost.SharedAssemblies"/>, and
/// anything the host has already loaded) always come from the host, so a plugin's <c>IErpAdapter</c> is the host's type; a
/// copy of them inside the folder is ignored. Every other dependency, managed or native, is resolved the way the plugin's
/// own <c>deps.json</c> says (its NuGet packages, <c>runtimes/&lt;rid&gt;/</c> assets, satellite resources), by
/// <see cref="AssemblyDependencyResolver"/>; a folder without a <c>deps.json</c> falls back to <c>&lt;name&gt;.dll</c> beside it.
/// </summary>
internal sealed class PluginLoadContext(string folder) : AssemblyLoadContext($"Crm plugins {folder}")
{
    // The plugin's own deps.json (the one beside its main assembly); none in a folder of bare assemblies.
    private readonly AssemblyDependencyResolver? _resolver = Directory.GetFiles(folder, "*.deps.json") is [var deps]
        ? new AssemblyDependencyResolver(deps[..^".deps.json".Length] + ".dll")
        : null;

    /// <summary>True when <paramref name="name"/> must come from the host.</summary>
    public static bool IsShared(AssemblyName name) =>
        name.Name is { } simple && (PluginHost.SharedAssemblies.Contains(simple) || Default.Assemblies.Any(a => a.GetName().Name == simple));

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
            return null;
        var path = _resolver?.ResolveAssemblyToPath(assemblyName) ?? Path.Combine(folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
