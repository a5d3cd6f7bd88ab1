using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Conversions;
using NodaTime.Text;

namespace Crm.Persistence.Settings;

/// <summary>
/// The settings as JSON documents of their parts, read back through the domain's own constructors (a client-type pair
/// naming an unknown type, or a code that is no longer a <see cref="MasterDataCode"/>, fails loudly instead of entering
/// the domain).
/// </summary>
internal static class SettingsDocuments
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = StoredText.Encoder,
        Converters = { new JsonStringEnumConverter(), new MasterDataCodeConverter() },
    };

    public static string Write(AccountSettings settings) => JsonSerializer.Serialize(new AccountDocument(
        [.. settings.LeadMandatory.Order()],
        [.. settings.AccountMandatory.Order()],
        settings.ConsiderErpMandatoryFields,
        settings.Erp is { } erp ? new ErpDocument(erp.ErpName, [.. erp.Required.Order()], new(erp.MaxLengths)) : null,
        [.. settings.ClientTypes.ClientTypes],
        [.. settings.ClientTypes.AccountTypes],
        [.. settings.ClientTypes.Pairs.Select(p => new PairDocument(p.ClientType, p.AccountType))],
        [.. settings.ClientGroups.Values]), Json);

    public static AccountSettings ReadAccounts(string json) => Read(json, (AccountDocument d) => new AccountSettings(
        d.LeadMandatory,
        d.AccountMandatory,
        d.ConsiderErpMandatoryFields,
        d.Erp is { } erp ? new ErpFieldRequirements(erp.ErpName, erp.Required, erp.MaxLengths) : null,
        new ClientTypeMapping(d.ClientTypes, d.AccountTypes, d.Pairs.Select(p => (p.ClientType, p.AccountType))),
        d.ClientGroups));

    public static string Write(OpportunitySettings settings) => JsonSerializer.Serialize(new OpportunityDocument(
        [.. settings.MandatoryFields.Order()], settings.QuantitativeGoals, settings.ForeignCurrency, settings.BaseCurrency), Json);

    public static OpportunitySettings ReadOpportunities(string json) => Read(json, (OpportunityDocument d) =>
        new OpportunitySettings(d.MandatoryFields.ToHashSet(), d.QuantitativeGoals, d.ForeignCurrency, d.BaseCurrency));

    public static string Write(IntegrationSettings settings) => JsonSerializer.Serialize(new IntegrationDocument(settings.System), Json);

    public static IntegrationSettings ReadIntegration(string json) => Read(json, (IntegrationDocument d) => new IntegrationSettings(d.System));

    public static string Write(OccurrenceSettings settings) => JsonSerializer.Serialize(new OccurrenceDocument(
        [.. settings.Reasons.Select(r => new ReasonDocument(r.Code, r.Name, DurationPattern.Roundtrip.Format(r.ResponseTarget), r.Active, r.IsComplaint))],
        [.. settings.MandatoryFields.Order()]), Json);

    public static OccurrenceSettings ReadOccurrences(string json) => Read(json, (OccurrenceDocument d) => OccurrenceSettings.Create(
        d.Reasons.Select(r => new ServiceReason(r.Code, r.Name, DurationPattern.Roundtrip.Parse(r.ResponseTarget).GetValueOrThrow(), r.Active, r.IsComplaint)),
        d.MandatoryFields).Match(valid => valid, invalid => throw new ArgumentException(string.Join("; ", invalid.Problems.Select(p => p.Code)))));

    private static TSettings Read<TDocument, TSettings>(string json, Func<TDocument, TSettings> create)
    {
        try
        {
            return create(JsonSerializer.Deserialize<TDocument>(json, Json)!);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidOperationException($"Stored {typeof(TSettings).Name} are no longer valid settings: {e.Message}", e);
        }
    }

    private sealed record AccountDocument(
        List<RegistrationField> LeadMandatory,
        List<RegistrationField> AccountMandatory,
        bool ConsiderErpMandatoryFields,
        ErpDocument? Erp,
        List<ClientType> ClientTypes,
        List<AccountType> AccountTypes,
        List<PairDocument> Pairs,
        List<ClientGroup> ClientGroups);

    private sealed record OccurrenceDocument(List<ReasonDocument> Reasons, List<OccurrenceField> MandatoryFields);

    private sealed record ReasonDocument(string Code, string Name, string ResponseTarget, bool Active, bool IsComplaint);

    private sealed record IntegrationDocument(IntegrationSystem System);

    private sealed record ErpDocument(string ErpName, List<RegistrationField> Required, Dictionary<RegistrationField, int> MaxLengths);

    private sealed record PairDocument(MasterDataCode ClientType, MasterDataCode AccountType);

    private sealed record OpportunityDocument(List<OpportunityField> MandatoryFields, bool QuantitativeGoals, bool ForeignCurrency,
        string BaseCurrency);

    /// <summary>A code as its text, read back through <see cref="MasterDataCode.From"/>.</summary>
    private sealed class MasterDataCodeConverter : JsonConverter<MasterDataCode>
    {
        public override MasterDataCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            MasterDataCode.From(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not a master-data code.");

        public override void Write(Utf8JsonWriter writer, MasterDataCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
