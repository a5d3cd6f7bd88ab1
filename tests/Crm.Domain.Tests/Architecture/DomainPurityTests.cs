using System.Reflection;
using Crm.Domain.Problems;

namespace Crm.Domain.Tests.Architecture;

/// <summary>Crm.Domain stays pure: NodaTime and OneOf are its only dependencies, and its value types are immutable.</summary>
public class DomainPurityTests
{
    private static readonly Assembly Domain = typeof(Problem).Assembly;

    [Fact]
    public void References_only_the_framework_NodaTime_and_OneOf()
    {
        var foreign = Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name is not ("NodaTime" or "OneOf" or "netstandard") && !name.StartsWith("System", StringComparison.Ordinal)
                           && name != "Microsoft.Win32.Primitives")
            .ToList();

        Assert.Empty(foreign);
    }

    // Not even init-only setters: `with` would bypass the validation of a value object.
    [Fact]
    public void Public_value_types_have_no_public_setters()
    {
        var mutable = Domain.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        Assert.Empty(mutable);
    }

    [Fact]
    public void Public_value_types_have_no_public_mutable_fields()
    {
        var mutable = Domain.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance)
                .Where(f => !f.IsInitOnly)
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();

        Assert.Empty(mutable);
    }
}
