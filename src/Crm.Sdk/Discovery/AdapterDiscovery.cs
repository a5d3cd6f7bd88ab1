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

    /// <summary>
    /// An instance of a discovered adapter, made with its public parameterless constructor. A constructor that throws stops
    /// the start-up with a <see cref="CrmConfigurationException"/> naming the adapter and the file it came from (the plugin
    /// file for a plugin), the constructor's exception as its inner exception.
    /// </summary>
    public static IErpAdapter Create(Type type)
    {
        var constructor = type.GetConstructor(Type.EmptyTypes) ?? throw new CrmConfigurationException(
            $"The ERP adapter {type.FullName} from {Origin(type)} was discovered but has no public parameterless constructor. " +
            "Give it one, or register it explicitly with services.AddErpAdapter(instance).");
        try
        {
            return (IErpAdapter)constructor.Invoke(null);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            throw new CrmConfigurationException(
                $"The ERP adapter {type.FullName} from {Origin(type)} could not be created: its constructor threw {thrown.GetType().Name}: {thrown.Message}",
                thrown);
        }
    }

    // The file for an assembly loaded from disk (a plugin), else its name.
    private static string Origin(Type type) =>
        type.Assembly.Location is { Length: > 0 } file ? file : type.Assembly.GetName().Name ?? "?";
}
