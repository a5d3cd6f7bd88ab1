using System.Globalization;
using System.Text.Json.Serialization;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Testing.Servers;

/// <summary>A page of a Senior X entity list: <c>{totalPages, totalElements, contents}</c>.</summary>
/// <typeparam name="T">The record.</typeparam>
/// <param name="TotalPages">How many pages the list has at this size.</param>
/// <param name="TotalElements">How many records the list has.</param>
/// <param name="Contents">The records of this page.</param>
public sealed record SeniorXPage<T>(
    [property: JsonPropertyName("totalPages")] int TotalPages,
    [property: JsonPropertyName("totalElements")] int TotalElements,
    [property: JsonPropertyName("contents")] IReadOnlyList<T> Contents)
{
    /// <summary>
    /// The page the query asks for: <c>offset</c> the page from 0, <c>size</c> (10 by default, at most 100), over
    /// <paramref name="all"/> in a stable order; a malformed number is the default.
    /// </summary>
    public static FakeAnswer Answer(IReadOnlyList<T> all, IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(query);
        var page = Number(query, "offset", 0, 0);
        var size = Math.Min(Number(query, "size", 10, 1), 100);
        var pages = (all.Count + size - 1) / size;
        return new FakeAnswer(200, PayloadJson.Serialize(new SeniorXPage<T>(pages, all.Count, [.. all.Skip(page * size).Take(size)])));
    }

    private static int Number(IReadOnlyDictionary<string, string> query, string name, int fallback, int least) =>
        query.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least ? n : fallback;
}
