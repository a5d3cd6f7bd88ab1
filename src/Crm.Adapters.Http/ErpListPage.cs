using System.Text.Json;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using OneOf;

namespace Crm.Adapters.Http;

/// <summary>One page of an ERP list: its items as raw JSON, and whether the ERP has a next page.</summary>
/// <param name="Items">Each item's JSON.</param>
/// <param name="HasNext">True when the ERP has a next page.</param>
public sealed record ErpListPage(IReadOnlyList<string> Items, bool HasNext)
{
    /// <summary>
    /// The TOTVS page in <paramref name="body"/> (<c>{hasNext, items}</c>, ERP.md §2.4); a body that is not one is
    /// <see cref="Rejected"/> (<c>{erp}.page.unreadable</c>).
    /// </summary>
    public static OneOf<ErpListPage, Rejected, Unavailable> ParseTotvs(ErpId erp, string body) =>
        Parse(erp, body, "items", root => root.TryGetProperty("hasNext", out var next) && next.ValueKind == JsonValueKind.True);

    /// <summary>
    /// The page in <paramref name="body"/>: an object whose array <paramref name="itemsProperty"/> holds the items, and
    /// <paramref name="hasNext"/> reading from the same object whether more follow; anything else is <see cref="Rejected"/>
    /// (<c>{erp}.page.unreadable</c>).
    /// </summary>
    public static OneOf<ErpListPage, Rejected, Unavailable> Parse(ErpId erp, string body, string itemsProperty, Func<JsonElement, bool> hasNext)
    {
        ArgumentNullException.ThrowIfNull(hasNext);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(itemsProperty, out var items) && items.ValueKind == JsonValueKind.Array)
                return new ErpListPage([.. items.EnumerateArray().Select(i => i.GetRawText())], hasNext(root));
        }
        catch (JsonException)
        {
            // reported below
        }
        return new Rejected([new Problem("", $"{erp}.page.unreadable", $"{erp} answered a list request with something that is not a page of its list.")]);
    }
}
