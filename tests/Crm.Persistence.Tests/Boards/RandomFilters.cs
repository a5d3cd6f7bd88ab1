using Crm.Domain.Boards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Crm.Persistence.Tests.Boards;

/// <summary>Random board filters for properties: every choice of the form, over three users and a board's tags.</summary>
internal static class RandomFilters
{
    /// <summary>The users filters and cards pick from.</summary>
    public static readonly UserId[] People = [Records.Ana, new(Guid.NewGuid()), new(Guid.NewGuid())];

    /// <summary>
    /// A filter form as masks and choices: tags (a bit past the board's tags is a tag no card carries), users, sellers,
    /// the six tri-states (stagnant, has tasks, archived, lost, customer, service), dates as days after 2026-11-22, order.
    /// </summary>
    public sealed record Plan(int Tags, int Users, int Sellers, TriState[] States, CardDateKind DateKind, SortOrder Order,
        int? FromDay, int? Days, CardsPerList PerList);

    public static Gen<Plan> Plans { get; } =
        from tags in Gen.Choose(0, 15)
        from users in Gen.Choose(0, 7)
        from sellers in Gen.Choose(0, 7)
        from states in Gen.Elements(TriState.All, TriState.Yes, TriState.No).ArrayOf(6)
        from kind in Gen.Elements(CardDateKind.CardCreated, CardDateKind.ProspectRegistered)
        from order in Gen.Elements(SortOrder.Ascending, SortOrder.Descending)
        from fromDay in Maybe(Gen.Choose(-3, 30))
        from days in Maybe(Gen.Choose(0, 12))
        from perList in Gen.Elements(Enum.GetValues<CardsPerList>())
        select new Plan(tags, users, sellers, states, kind, order, fromDay, days, perList);

    /// <summary>The valid filter <paramref name="plan"/> describes over <paramref name="boardTags"/>.</summary>
    public static CardFilter Filter(Plan plan, IEnumerable<TagId> boardTags)
    {
        TagId[] tags = [.. boardTags, new TagId(Guid.NewGuid())];
        var from = plan.FromDay is { } day ? new LocalDate(2026, 11, 22).PlusDays(day) : (LocalDate?)null;
        var to = plan.Days is { } days ? (from ?? new LocalDate(2026, 11, 22)).PlusDays(days) : (LocalDate?)null;
        var s = plan.States;
        return CardFilter.Create(new CardFilterDraft
        {
            Tags = [.. Pick(tags, plan.Tags)], Users = [.. Pick(People, plan.Users)], Sellers = [.. Pick(People, plan.Sellers)],
            Stagnant = s[0], HasTasks = s[1], Archived = s[2], Lost = s[3], ConvertedToCustomer = s[4], ConvertedToCustomerService = s[5],
            DateKind = plan.DateKind, Order = plan.Order, From = from, To = to, CardsPerList = (int)plan.PerList,
        }).AsT0;
    }

    /// <summary>The values whose bit is set in <paramref name="mask"/>.</summary>
    public static IEnumerable<T> Pick<T>(IReadOnlyList<T> values, int mask) => values.Where((_, i) => (mask & (1 << i)) != 0);

    /// <summary>Every choice of a filter, as text (drafts hold lists, which records compare by reference).</summary>
    public static string Choices(CardFilter filter)
    {
        var d = filter.Draft;
        return $"{d.From}|{d.To}|{d.DateKind}|{d.Order}|{filter.CardsPerList}|{string.Join(',', d.Tags)}|{string.Join(',', d.Users)}|"
            + $"{string.Join(',', d.Sellers)}|{d.Stagnant}|{d.HasTasks}|{d.Archived}|{d.Lost}|{d.ConvertedToCustomer}|{d.ConvertedToCustomerService}";
    }

    private static Gen<int?> Maybe(Gen<int> values) => Gen.OneOf(Gen.Constant((int?)null), values.Select(v => (int?)v));
}
