using System.Globalization;
using System.Text.Json.Serialization;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Testing.Servers;

/// <summary>A page of a TOTVS API list: <c>{hasNext, items}</c> (ERP.md §2.4).</summary>
/// <typeparam name="T">The item.</typeparam>
/// <param name="HasNext">True when another page follows.</param>
/// <param name="Items">The items of this page.</param>
public sealed record TotvsPage<T>([property: JsonPropertyName("hasNext")] bool HasNext, [property: JsonPropertyName("items")] IReadOnlyList<T> Items)
{
    /// <summary>
    /// The page the query asks for: <c>page</c> from 1, <c>pageSize</c> (20 by default, at most 100), over
    /// <paramref name="all"/> in a stable order; a malformed number is the default.
    /// </summary>
    public static FakeAnswer Answer(IReadOnlyList<T> all, IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(query);
        var page = Number(query, "page", 1);
        var size = Math.Min(Number(query, "pageSize", 20), 100);
        var items = all.Skip((page - 1) * size).Take(size).ToList();
        return new FakeAnswer(200, PayloadJson.Serialize(new TotvsPage<T>(page * size < all.Count, items)));
    }

    private static int Number(IReadOnlyDictionary<string, string> query, string name, int fallback) =>
        query.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
