using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Crm.Persistence.Conversions;

/// <summary>
/// A board filter as a JSON document of its form (dates as ISO <c>yyyy-MM-dd</c>, choices by name, ids as Guids), read
/// back through <see cref="CardFilter.Create"/> so that only a valid filter reaches the domain; a document edited by hand
/// into an invalid filter fails loudly, as every stored value object does.
/// </summary>
internal static class CardFilterJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(CardFilter filter) => JsonSerializer.Serialize(Form.Of(filter), Options);

    public static CardFilter Read(string json) => JsonSerializer.Deserialize<Form>(json, Options)!.ToFilter();

    /// <summary>Saved filters as one JSON object, name to form, in name order (a stable text for the same filters).</summary>
    public static string WriteSaved(Dictionary<string, CardFilter> saved) => JsonSerializer.Serialize(
        saved.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(s => s.Key, s => Form.Of(s.Value)), Options);

    /// <summary>Saved filters read back with the domain's case-insensitive names.</summary>
    public static Dictionary<string, CardFilter> ReadSaved(string json) => new(
        JsonSerializer.Deserialize<Dictionary<string, Form>>(json, Options)!.Select(s => KeyValuePair.Create(s.Key, s.Value.ToFilter())),
        StringComparer.OrdinalIgnoreCase);

    private sealed record Form(
        string? From, string? To, CardDateKind DateKind, SortOrder Order, int CardsPerList, Guid[] Tags, Guid[] Users, Guid[] Sellers,
        TriState Stagnant, TriState HasTasks, TriState Archived, TriState Lost, TriState ConvertedToCustomer, TriState ConvertedToCustomerService)
    {
        public static Form Of(CardFilter filter)
        {
            var d = filter.Draft;
            return new(Date(d.From), Date(d.To), d.DateKind, d.Order, (int)filter.CardsPerList, [.. d.Tags.Select(t => t.Value)],
                [.. d.Users.Select(u => u.Value)], [.. d.Sellers.Select(s => s.Value)], d.Stagnant, d.HasTasks, d.Archived, d.Lost,
                d.ConvertedToCustomer, d.ConvertedToCustomerService);
        }

        public CardFilter ToFilter() => CardFilter.Create(new CardFilterDraft
        {
            From = Date(From), To = Date(To), DateKind = DateKind, Order = Order, CardsPerList = CardsPerList,
            Tags = [.. Tags.Select(t => new TagId(t))], Users = [.. Users.Select(u => new UserId(u))],
            Sellers = [.. Sellers.Select(s => new UserId(s))], Stagnant = Stagnant, HasTasks = HasTasks, Archived = Archived, Lost = Lost,
            ConvertedToCustomer = ConvertedToCustomer, ConvertedToCustomerService = ConvertedToCustomerService,
        }).AsT0;

        private static string? Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

        private static LocalDate? Date(string? text) => text is null ? null : LocalDatePattern.Iso.Parse(text).Value;
    }
}

/// <summary>The filter in use, as <see cref="CardFilterJson"/>. A filter is immutable: a new one in use is a new instance.</summary>
internal sealed class CardFilterConverter() : ValueConverter<CardFilter, string>(f => CardFilterJson.Write(f), s => CardFilterJson.Read(s));

/// <summary>The saved filters by name, as <see cref="CardFilterJson.WriteSaved"/>; changed in place, so compared by content.</summary>
internal sealed class SavedFiltersConverter() : ValueConverter<Dictionary<string, CardFilter>, string>(
    s => CardFilterJson.WriteSaved(s), s => CardFilterJson.ReadSaved(s))
{
    public static ValueComparer<Dictionary<string, CardFilter>> Comparer { get; } = new(
        (a, b) => CardFilterJson.WriteSaved(a!) == CardFilterJson.WriteSaved(b!),
        s => CardFilterJson.WriteSaved(s).GetHashCode(StringComparison.Ordinal),
        s => new Dictionary<string, CardFilter>(s, StringComparer.OrdinalIgnoreCase));
}
