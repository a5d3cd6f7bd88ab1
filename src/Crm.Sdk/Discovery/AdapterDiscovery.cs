using System.Reflection;
using Crm.Domain.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.Discovery;

/// <summary>Finds adapter classes: by Scrutor scanning of assemblies, and in plugin folders.</summary>
internal static class AdapterDiscovery
{
    /// <summary>The public, non-abstract <see cref="IErpAdapter"/> classes of <paramref name="assemblies"/>, each once.</summary>
    public static IReadOnlyList<Type> AdapterTypes(IEnumerable<Assembly> assemblies)
    {
        var found = new ServiceCollection();
        found.Scan(scan => scan.FromAssemblies(assemblies)
            .AddClasses(classes => classes.AssignableTo<IErpAdapter>(), publicOnly: true)
            .As<IErpAdapter>()
            .WithSingletonLifetime());
        return [.. found.Select(d => d.ImplementationType).OfType<Type>().Distinct()];
    }

    /// <summary>The adapter assemblies of <paramref name="folder"/>, loaded in one plugin context; shared assemblies are skipped.</summary>
    public static IReadOnlyList<Assembly> LoadPlugins(string folder)
    {
        var context = new PluginLoadContext(folder);
        var assemblies = new List<Assembly>();
        foreach (var file in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            AssemblyName name;
            try
            {
                name = AssemblyName.GetAssemblyName(file);
            }
            catch (BadImageFormatException)
            {
                continue; // a native library shipped with a plugin
            }
            if (!PluginLoadContext.IsShared(name))
                assemblies.Add(context.LoadFromAssemblyName(name));
        }
        return assemblies;
    }

    /// <summary>An instance of a discovered adapter, made with its public parameterless constructor.</summary>
    public static IErpAdapter Create(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is { } constructor
            ? (IErpAdapter)constructor.Invoke(null)
            : throw new CrmConfigurationException(
                $"The ERP adapter {type.FullName} from {type.Assembly.GetName().Name} was discovered but has no public parameterless constructor. " +
                "Give it one, or register it explicitly with services.AddErpAdapter(instance).");
}
