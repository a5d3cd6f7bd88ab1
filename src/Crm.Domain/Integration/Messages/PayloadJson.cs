using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Domain.Integration.Messages;

/// <summary>
/// The one JSON form of every payload: properties in declaration order under their <see cref="JsonPropertyNameAttribute"/>
/// names, nulls left out, no indentation, invariant numbers. The same payload always gives the same bytes, which is what
/// makes <see cref="IdempotencyKey"/> stable.
/// </summary>
public static class PayloadJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>The canonical JSON of <paramref name="payload"/>.</summary>
    public static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>The payload in <paramref name="json"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON is not a {typeof(T).Name}.");
}
