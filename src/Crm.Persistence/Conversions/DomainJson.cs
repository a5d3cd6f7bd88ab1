using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Persistence.Conversions;

/// <summary>
/// The JSON documents of the catalog and the sales orders (a product's details, an order's header, items, approvals and
/// history): System.Text.Json over the domain's records, NodaTime values in ISO form, and the domain's record structs
/// (ids, validities, totals) through their constructors, since System.Text.Json builds a struct with its parameterless one.
/// </summary>
internal static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = StoredText.Encoder,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new TaxLineConverter());
        options.Converters.Add(new PositionalStructs());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The domain's record structs (ids, <c>Validity</c>, <c>OrderTotals</c>) written as their constructor's arguments.</summary>
    private sealed class PositionalStructs : JsonConverterFactory
    {
        private static readonly ConcurrentDictionary<Type, ConstructorInfo?> Constructors = new();

        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsValueType && !typeToConvert.IsEnum && typeToConvert.Assembly == typeof(Crm.Domain.Identity.TenantId).Assembly
            && ConstructorOf(typeToConvert) is not null;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Positional<>).MakeGenericType(typeToConvert), ConstructorOf(typeToConvert))!;

        private static ConstructorInfo? ConstructorOf(Type type) => Constructors.GetOrAdd(type, t =>
            t.GetConstructors().Where(c => c.GetParameters().Length > 0).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault());
    }

    private sealed class Positional<T>(ConstructorInfo constructor) : JsonConverter<T>
    {
        private readonly ParameterInfo[] _parameters = constructor.GetParameters();
        private readonly PropertyInfo[] _properties = [.. constructor.GetParameters().Select(p =>
            typeof(T).GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!)];
        private readonly object?[] _defaults = [.. constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : null)];
        private JsonEncodedText[]? _names;

        // The names as written (camelCase), encoded once rather than per value and per property.
        private JsonEncodedText[] Names(JsonSerializerOptions options) => _names ??= [.. _parameters.Select(p =>
            JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(p.Name!) ?? p.Name!, options.Encoder))];

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var arguments = (object?[])_defaults.Clone();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException($"{typeof(T).Name} is stored as an object.");
            var names = Names(options);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = names.Length - 1;
                while (index >= 0 && !reader.ValueTextEquals(names[index].EncodedUtf8Bytes))
                    index--;
                if (index < 0)
                    index = IndexIgnoringCase(reader.GetString());
                reader.Read();
                if (index < 0)
                    reader.Skip();
                else
                    arguments[index] = JsonSerializer.Deserialize(ref reader, _parameters[index].ParameterType, options);
            }
            return (T)constructor.Invoke(arguments);
        }

        // A name in another case (the documents are read case-insensitively, as the Web defaults do).
        private int IndexIgnoringCase(string? name) =>
            Array.FindIndex(_parameters, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var names = Names(options);
            writer.WriteStartObject();
            for (var i = 0; i < _parameters.Length; i++)
            {
                var argument = _properties[i].GetValue(value);
                if (argument is null)
                    continue;
                writer.WritePropertyName(names[i]);
                JsonSerializer.Serialize(writer, argument, _parameters[i].ParameterType, options);
            }
            writer.WriteEndObject();
        }
    }
}
