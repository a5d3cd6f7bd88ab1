using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// Reads the fields of an order document (JSON) as an ERP checks them, collecting one problem per field that is missing,
/// too long, not a date, not a number in its range, not one of its codes or a total whose cents do not add up, each under
/// <c>{prefix}.{reason}</c> and named by its JSON path.
/// </summary>
internal sealed class OrderFields(string prefix)
{
    public List<Problem> Problems { get; } = [];

    /// <summary>A problem on <paramref name="field"/> under <c>{prefix}.{reason}</c>.</summary>
    public void Add(string field, string reason, string message) => Problems.Add(new Problem(field, $"{prefix}.{reason}", message));

    /// <summary>The number at <paramref name="name"/> as it is, unchecked (another check names it when it is wrong); null if absent.</summary>
    public static decimal? Read(JsonNode? parent, string name) =>
        parent?[name] is JsonValue v && v.TryGetValue<decimal>(out var value) ? value : null;

    /// <summary>The document, or null (and a problem) when the body is not a JSON object.</summary>
    public JsonObject? Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject document)
                return document;
        }
        catch (JsonException)
        {
        }
        Problems.Add(new Problem("", $"{prefix}.json", "O corpo não é um objeto JSON."));
        return null;
    }

    /// <summary>Text of at most <paramref name="max"/> characters at <paramref name="path"/>, required unless <paramref name="required"/> is false.</summary>
    public string? Text(JsonNode? parent, string name, int max, string path, bool required = true)
    {
        var value = parent?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                Problems.Add(new Problem(path, $"{prefix}.required", $"{path} é obrigatório."));
        }
        else if (value.Length > max)
            Problems.Add(new Problem(path, $"{prefix}.too_long", $"{path} tem até {max} caracteres."));
        else
            return value;
        return null;
    }

    /// <summary>A required ISO date (yyyy-MM-dd).</summary>
    public void Date(JsonNode? parent, string name, string path)
    {
        if (Text(parent, name, 10, path) is { } value
            && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            Problems.Add(new Problem(path, $"{prefix}.date", $"{path} não é uma data (AAAA-MM-DD)."));
    }

    /// <summary>
    /// A number within [<paramref name="min"/>, <paramref name="max"/>], above <paramref name="min"/> when
    /// <paramref name="exclusive"/>, required unless <paramref name="required"/> is false.
    /// </summary>
    public decimal? Number(JsonNode? parent, string name, string path, decimal min = 0, decimal max = decimal.MaxValue, bool exclusive = true,
        bool required = true)
    {
        if (parent?[name] is not JsonValue v || !v.TryGetValue<decimal>(out var value))
        {
            if (required || parent?[name] is not null)
                Problems.Add(new Problem(path, $"{prefix}.required", $"{path} é obrigatório e numérico."));
        }
        else if (value < min || (exclusive && value == min) || value > max)
            Problems.Add(new Problem(path, $"{prefix}.range", $"{path} deve estar entre {min} e {max}{(exclusive ? $", acima de {min}" : "")}."));
        else
            return value;
        return null;
    }

    /// <summary>
    /// A problem (<c>{prefix}.total</c>) unless <paramref name="total"/> is <paramref name="expected"/> within half a cent
    /// (rounded half up or half even: both conventions the ERPs use), and in whole cents unless <paramref name="wholeCents"/> is false.
    /// </summary>
    public void Cents(decimal? total, decimal? expected, string path, string what, bool wholeCents = true)
    {
        if (total is { } t && expected is { } e && ((wholeCents && decimal.Round(t, 2) != t) || Math.Abs(t - e) > 0.005m))
            Problems.Add(new Problem(path, $"{prefix}.total", $"{path} {t} não é {what} ({e:0.00####})."));
    }

    /// <summary>
    /// A number at <c>{path}.{name}</c> within [0, <paramref name="max"/>] with at most <paramref name="decimals"/> decimals (an
    /// ERP field N n,d); null (and a problem when <paramref name="required"/>) if absent.
    /// </summary>
    public decimal? Scaled(JsonNode? parent, string name, string path, decimal max, int decimals, bool required = false)
    {
        var at = path.Length == 0 ? name : $"{path}.{name}";
        if (parent?[name] is not { } node)
        {
            if (required)
                Add(at, "required", $"{at} é obrigatório.");
            return null;
        }
        if (node is not JsonValue v || !v.TryGetValue<decimal>(out var value))
            Add(at, "required", $"{at} é numérico.");
        else if (value < 0m || value > max || decimal.Round(value, decimals) != value)
            Add(at, "range", $"{at} vai de 0 a {max} com {decimals} casas decimais; é {value}.");
        else
            return value;
        return null;
    }

    /// <summary>An amount of money at <c>{path}.{name}</c> (N 15,2), optional.</summary>
    public decimal? Money(JsonNode? parent, string name, string path) => Scaled(parent, name, path, 9_999_999_999_999.99m, 2);

    /// <summary>The required code at <c>{path}.{name}</c>, one of <paramref name="allowed"/>; null (and a problem) otherwise.</summary>
    public string? Code(JsonNode? parent, string name, string path, IReadOnlyCollection<string> allowed)
    {
        var value = parent?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (value is not null && allowed.Contains(value))
            return value;
        Add($"{path}.{name}", value is null ? "required" : "range", $"{path}.{name} é um de {string.Join(", ", allowed)}.");
        return null;
    }

    /// <summary>A problem (<c>{prefix}.tax_value</c>) unless <paramref name="sent"/> is <paramref name="expected"/> (absent is 0).</summary>
    public void Same(decimal? sent, decimal? expected, string path, string what)
    {
        if ((sent ?? 0m) != (expected ?? 0m))
            Add(path, "tax_value", $"{path} {sent} não é {what} ({expected}).");
    }

    /// <summary>The elements of the required, non-empty array at <paramref name="path"/>.</summary>
    public IReadOnlyList<JsonNode?> List(JsonNode? parent, string name, string path)
    {
        if (parent?[name] is JsonArray { Count: > 0 } items)
            return [.. items];
        Problems.Add(new Problem(path, $"{prefix}.required", $"{path} precisa de ao menos um item."));
        return [];
    }
}
