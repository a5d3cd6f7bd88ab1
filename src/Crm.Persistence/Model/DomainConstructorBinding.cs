using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Crm.Persistence.Model;

/// <summary>
/// Lets EF materialize domain types whose only constructors take arguments it cannot bind (a draft, a definition, a
/// list): such an object is created uninitialized and EF then sets every mapped field, exactly as it does after a
/// parameterless constructor. Each configuration maps every field of those types, so nothing is left unset.
/// Types that EF can bind keep EF's binding.
/// </summary>
[SuppressMessage("Usage", "EF1001:Internal EF Core API usage.", Justification = "Decorates EF's own factory.")]
internal sealed class DomainConstructorBinding(IPropertyParameterBindingFactory properties, IParameterBindingFactories factories)
    : IConstructorBindingFactory
{
    private readonly ConstructorBindingFactory _inner = new(properties, factories);

    public void GetBindings(IConventionEntityType entityType, out InstantiationBinding constructorBinding, out InstantiationBinding? serviceOnlyBinding) =>
        Bind(entityType.ClrType, (out InstantiationBinding c, out InstantiationBinding? s) => _inner.GetBindings(entityType, out c, out s),
            out constructorBinding, out serviceOnlyBinding);

    public void GetBindings(IMutableEntityType entityType, out InstantiationBinding constructorBinding, out InstantiationBinding? serviceOnlyBinding) =>
        Bind(entityType.ClrType, (out InstantiationBinding c, out InstantiationBinding? s) => _inner.GetBindings(entityType, out c, out s),
            out constructorBinding, out serviceOnlyBinding);

    public void GetBindings(IReadOnlyEntityType entityType, out InstantiationBinding constructorBinding, out InstantiationBinding? serviceOnlyBinding) =>
        Bind(entityType.ClrType, (out InstantiationBinding c, out InstantiationBinding? s) => _inner.GetBindings(entityType, out c, out s),
            out constructorBinding, out serviceOnlyBinding);

    public void GetBindings(IReadOnlyComplexType complexType, out InstantiationBinding constructorBinding, out InstantiationBinding? serviceOnlyBinding) =>
        Bind(complexType.ClrType, (out InstantiationBinding c, out InstantiationBinding? s) => _inner.GetBindings(complexType, out c, out s),
            out constructorBinding, out serviceOnlyBinding);

    public bool TryBindConstructor(IMutableEntityType entityType, System.Reflection.ConstructorInfo constructor,
        [NotNullWhen(true)] out InstantiationBinding? binding, [NotNullWhen(false)] out IEnumerable<System.Reflection.ParameterInfo>? unboundParameters) =>
        _inner.TryBindConstructor(entityType, constructor, out binding, out unboundParameters);

    public bool TryBindConstructor(IConventionEntityType entityType, System.Reflection.ConstructorInfo constructor,
        [NotNullWhen(true)] out InstantiationBinding? binding, [NotNullWhen(false)] out IEnumerable<System.Reflection.ParameterInfo>? unboundParameters) =>
        _inner.TryBindConstructor(entityType, constructor, out binding, out unboundParameters);

    private delegate void InnerBindings(out InstantiationBinding constructorBinding, out InstantiationBinding? serviceOnlyBinding);

    // EF's own binding first; only a domain type without a bindable constructor falls back to an uninitialized instance.
    private static void Bind(Type clrType, InnerBindings inner, out InstantiationBinding constructorBinding, out InstantiationBinding? serviceOnlyBinding)
    {
        try
        {
            inner(out constructorBinding, out serviceOnlyBinding);
        }
        catch (InvalidOperationException) when (IsDomain(clrType))
        {
            (constructorBinding, serviceOnlyBinding) = (Uninitialized(clrType), null);
        }
    }

    private static bool IsDomain(Type type) => type.Assembly == typeof(Crm.Domain.Identity.TenantId).Assembly;

    private static FactoryMethodBinding Uninitialized(Type type) =>
        new(typeof(DomainConstructorBinding).GetMethod(nameof(Create), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type), [], type);

    private static T Create<T>() => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
}
