namespace Crm.Sdk.Discovery;

/// <summary>
/// What the host shares with the adapter plugins it loads from <c>PluginFolders</c>. A plugin folder is a plugin's build
/// output (<c>EnableDynamicLoading</c>): its assemblies, <c>.deps.json</c> and <c>runtimes/</c> folder. Each folder gets its own
/// load context, which resolves the plugin's dependencies from its <c>.deps.json</c>, so a plugin may use NuGet packages (and
/// versions) the host does not have. The assemblies named here, and any assembly the host has already loaded, always come
/// from the host: a plugin's copy of them is ignored, so build a plugin against the versions the host uses (or older ones).
/// </summary>
public static class PluginHost
{
    /// <summary>
    /// The host-owned assemblies: the adapter contract (<c>Crm.Domain</c>, <c>Crm.Sdk</c>) and the libraries whose types
    /// appear in it (NodaTime, OneOf, and the Microsoft.Extensions abstractions an adapter's registration uses).
    /// </summary>
    public static IReadOnlySet<string> SharedAssemblies { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Crm.Domain", "Crm.Sdk", "NodaTime", "OneOf",
        "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives",
    };
}
