using System.Text.Json;

namespace Crm.Adapters.Testing;

/// <summary>Reads the values at a <c>FieldLimit.PayloadPath</c> (<c>a.b</c>, <c>list[].c</c>, <c>Id[]</c>) in a JSON payload.</summary>
public static class PayloadPaths
{
    /// <summary>Every string or number at <paramref name="path"/> in <paramref name="json"/>, as text.</summary>
    public static IReadOnlyList<string> ValuesAt(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<string>();
        Collect(document.RootElement, path.Split('.'), 0, values);
        return values;
    }

    private static void Collect(JsonElement element, string[] segments, int index, List<string> values)
    {
        if (index == segments.Length)
        {
            if (element.ValueKind is JsonValueKind.String)
                values.Add(element.GetString()!);
            else if (element.ValueKind is JsonValueKind.Number)
                values.Add(element.GetRawText());
            return;
        }
        var segment = segments[index];
        var isArray = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isArray ? segment[..^2] : segment;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var child))
            return;
        if (!isArray)
            Collect(child, segments, index + 1, values);
        else if (child.ValueKind == JsonValueKind.Array)
            foreach (var item in child.EnumerateArray())
                Collect(item, segments, index + 1, values);
    }
}
