using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Accounts.Registration;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Crm.Persistence.Conversions;

/// <summary>
/// The registration data of a lead or account as one JSON document: the record's form (<see cref="RegistrationData.ToForm"/>),
/// with every child collection (addresses, phones, e-mails, other contacts, observations, responsible people, consents,
/// custom fields). Read back through the domain's <see cref="StoredRegistration"/>: data the domain validated when it was
/// saved is rebuilt without re-running <see cref="RegistrationRules"/> (the tenant's settings, mandatory fields and
/// duplicates were decided then), yet every document still parses and every required part is present, so a corrupt
/// document fails loudly, naming its fields, and never enters the domain.
/// (EF cannot map the domain's <c>IReadOnlyList</c> collections as complex collections, which need <c>IList</c>.)
/// </summary>
internal sealed class RegistrationDataConverter() : ValueConverter<RegistrationData, string>(v => Write(v), s => Read(s))
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = StoredText.Encoder,
        Converters = { new JsonStringEnumConverter(), new LocalDateJsonConverter(), new IdJsonConverterFactory() },
    };

    private static string Write(RegistrationData data) => JsonSerializer.Serialize(data.ToForm(), Json);

    private static RegistrationData Read(string json) => StoredRegistration.Restore(
        JsonSerializer.Deserialize<RegistrationForm>(json, Json) ?? throw new InvalidOperationException("Stored registration data is null."));

    /// <summary>Strongly typed ids as their Guid (they are structs with a get-only <c>Value</c>, which STJ cannot fill).</summary>
    private sealed class IdJsonConverterFactory : JsonConverterFactory
    {
        private static readonly HashSet<Type> Ids = [.. IdTypes.In(typeof(Crm.Domain.Identity.TenantId).Assembly)];

        public override bool CanConvert(Type typeToConvert) => Ids.Contains(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdJsonConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdJsonConverter<TId> : JsonConverter<TId>
        where TId : struct
    {
        private static readonly IdConverter<TId> Id = new();

        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (TId)Id.ConvertFromProvider(reader.GetGuid())!;

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
            writer.WriteStringValue((Guid)Id.ConvertToProvider(value)!);
    }

    private sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            LocalDatePattern.Iso.Parse(reader.GetString()!).Value;

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
