using System.Text.Json;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using OneOf;

namespace Crm.Adapters.Http;

/// <summary>A page of a TOTVS API list (<c>{hasNext, items}</c>, ERP.md §2.4): its items as raw JSON, and whether more follow.</summary>
/// <param name="Items">Each item's JSON.</param>
/// <param name="HasNext">True when the ERP has a next page.</param>
public sealed record TotvsListPage(IReadOnlyList<string> Items, bool HasNext)
{
    /// <summary>The page in <paramref name="body"/>; a body that is not a TOTVS page is <see cref="Rejected"/> (<c>{erp}.page.unreadable</c>).</summary>
    public static OneOf<TotvsListPage, Rejected, Unavailable> Parse(ErpId erp, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
                return new TotvsListPage([.. items.EnumerateArray().Select(i => i.GetRawText())],
                    root.TryGetProperty("hasNext", out var next) && next.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            // reported below
        }
        return new Rejected([new Problem("", $"{erp}.page.unreadable", $"{erp} answered a list request with something that is not a {{hasNext, items}} page.")]);
    }
}
