using System.Reflection;
using System.Runtime.CompilerServices;

namespace Crm.Domain.Tests;

/// <summary>
/// Every public type of the domain is either listed below as mutable (aggregates and their builders change in place
/// and record their history) or is immutable: no writable field, no setter other than <c>init</c>, no mutable
/// collection held in a field. A new public type is immutable unless it is added to <see cref="Mutable"/>.
/// </summary>
public class ImmutabilityTests
{
    /// <summary>The public types that change in place, by full name.</summary>
    private static readonly HashSet<string> Mutable =
    [
        "Crm.Domain.Access.Role",
        "Crm.Domain.Activities.Appointment",
        "Crm.Domain.Access.User",
        "Crm.Domain.Accounts.Account",
        "Crm.Domain.Accounts.Contacts.Contact",
        "Crm.Domain.Accounts.Lead",
        "Crm.Domain.Accounts.RegisteredParty",
        "Crm.Domain.Accounts.History.ChangeHistory",
        "Crm.Domain.Accounts.Duplicates.DuplicateIndex`1",
        "Crm.Domain.Boards.BaseCards.BaseCard",
        "Crm.Domain.Boards.Board",
        "Crm.Domain.Boards.Cards.Card",
        "Crm.Domain.Boards.Cards.ProspectCardIndex",
        "Crm.Domain.Boards.Content.CardContent",
        "Crm.Domain.Boards.Filters.BoardCardIndex",
        "Crm.Domain.Boards.Filters.BoardFilterPreferences",
        "Crm.Domain.Funnel.Opportunities.Opportunity",
        "Crm.Domain.Funnel.Pipelines.Pipeline",
        "Crm.Domain.Organization.Branch",
        "Crm.Domain.Organization.Company",
        "Crm.Domain.Servers.CompanyServer`2",
        "Crm.Domain.Servers.FtpSettings",
        "Crm.Domain.Servers.ServerCredentials",
        "Crm.Domain.Servers.SmtpSettings",
        "Crm.Domain.Service.CallCenter.Campaign",
        "Crm.Domain.Service.CallCenter.CampaignTarget",
        "Crm.Domain.Orders.SalesOrder",
        "Crm.Domain.Service.Occurrences.Occurrence",
        "Crm.Domain.Tasks.SalesTask",
        "Crm.Domain.Tenancy.Tenant",
        // Declared immutable, but the check cannot prove it: they keep private collections, caches or packed state that
        // nothing changes after construction.
        "Crm.Domain.Access.EffectiveAccess",
        "Crm.Domain.Access.Hierarchy",
        "Crm.Domain.Access.VisibilityScope",
        "Crm.Domain.Accounts.Configuration.AccountSettings",
        "Crm.Domain.Accounts.Configuration.ClientTypeMapping",
        "Crm.Domain.Accounts.Duplicates.DuplicateKeys",
        "Crm.Domain.Integration.Eligibility.ShortNameDirectory",
        "Crm.Domain.Integration.ErpAdapter`1",
        "Crm.Domain.Matrices.Matrix`1",
        "Crm.Domain.Matrices.MatrixContext",
        "Crm.Domain.Pricing.MatrixResolver`2",
    ];

    private static readonly Type[] MutableCollections =
        [typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>), typeof(SortedSet<>), typeof(Queue<>), typeof(Stack<>)];

    [Fact]
    public void Every_public_type_not_declared_mutable_is_immutable()
    {
        var offenders = PublicStatefulTypes()
            .Where(t => !Mutable.Contains(t.FullName!))
            .Select(t => (Type: t, Why: WhyMutable(t)))
            .Where(x => x.Why is not null)
            .Select(x => $"{x.Type.FullName}: {x.Why}")
            .ToList();

        Assert.True(offenders.Count == 0, "Mutable but not declared in ImmutabilityTests.Mutable:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_type_declared_mutable_exists_and_is_mutable()
    {
        var types = PublicStatefulTypes().ToDictionary(t => t.FullName!);
        var stale = Mutable.Where(name => !types.TryGetValue(name, out var t) || WhyMutable(t) is null).ToList();

        Assert.True(stale.Count == 0, "Declared mutable but gone or immutable: " + string.Join(", ", stale));
    }

    private static IEnumerable<Type> PublicStatefulTypes() =>
        typeof(Crm.Domain.Problems.Problem).Assembly.GetExportedTypes()
            .Where(t => !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t) && !(t.IsAbstract && t.IsSealed));

    /// <summary>Why <paramref name="type"/> (or a base type in the domain) can change after construction; null when it cannot.</summary>
    private static string? WhyMutable(Type type)
    {
        for (var t = type; t is not null && t.Assembly == type.Assembly; t = t.BaseType)
        {
            const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var field in t.GetFields(Declared))
            {
                if (!field.IsInitOnly && !IsInlineArrayElement(field))
                    return $"field {field.Name} is writable";
                if (field.FieldType.IsGenericType && MutableCollections.Contains(field.FieldType.GetGenericTypeDefinition()))
                    return $"field {field.Name} holds a {field.FieldType.Name}";
            }
            foreach (var property in t.GetProperties(Declared))
            {
                var setter = property.SetMethod;
                if (setter is { IsPublic: true } && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                    return $"property {property.Name} has a public setter";
            }
        }
        return null;
    }

    private static bool IsInlineArrayElement(FieldInfo field) =>
        field.DeclaringType!.GetCustomAttribute<InlineArrayAttribute>() is not null;
}
