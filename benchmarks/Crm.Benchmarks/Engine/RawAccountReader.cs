using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Crm.Benchmarks.Engine;

/// <summary>An account's row as plain ADO.NET reads it: the columns typed, the registration document parsed into its form.</summary>
/// <param name="Id">Id.</param>
/// <param name="Version">Stored version.</param>
/// <param name="Integration">ERP integration state.</param>
/// <param name="LastPurchase">Last purchase date.</param>
/// <param name="ErpSituation">ERP situation.</param>
/// <param name="ConvertedFrom">The lead it came from.</param>
/// <param name="MergedInto">The account it was merged into.</param>
/// <param name="MergedFrom">Accounts merged into it.</param>
/// <param name="Registration">The registration document, parsed.</param>
/// <param name="RegistrationJson">The registration document, as text.</param>
/// <param name="History">The change history document, as text.</param>
public sealed record RawAccount(AccountId Id, long Version, IntegrationState Integration, LocalDate? LastPurchase, ErpSituation ErpSituation,
    LeadId? ConvertedFrom, AccountId? MergedInto, IReadOnlyList<AccountId> MergedFrom, RegistrationForm Registration, string RegistrationJson,
    string History);

/// <summary>
/// Reads one visible account by id with a <see cref="SqliteCommand"/> on a pooled connection: the same row the engine reads
/// (tenant, id, and the seller's visibility as owner), the same columns, the registration JSON parsed into the same
/// objects the engine's converter reads before validating them (<see cref="RegistrationForm"/>). No rules run, the history
/// stays text: the floor a load by id can reach.
/// </summary>
internal sealed class RawAccountReader(string file, TenantId tenant, UserId owner)
{
    private const string Sql = """
        SELECT "Version", "Integration", "LastPurchase", "ErpSituation", "ConvertedFrom", "MergedInto", "MergedFrom", "Data", "History"
        FROM "Accounts" WHERE "TenantId" = $tenant AND "Id" = $id AND "OwnerId" = $owner
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(), new LocalDateConverter(), new IdConverterFactory() },
    };

    private readonly string _connection = $"Data Source={file};Pooling=True";
    private readonly string _tenant = Text(tenant.Value);
    private readonly string _owner = Text(owner.Value);

    public async Task<RawAccount?> ReadAsync(AccountId id)
    {
        await using var connection = new SqliteConnection(_connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$tenant", _tenant);
        command.Parameters.AddWithValue("$id", Text(id.Value));
        command.Parameters.AddWithValue("$owner", _owner);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        var registration = reader.GetString(7);
        return new RawAccount(id, reader.GetInt64(0), Integration(reader.GetString(1)),
            reader.IsDBNull(2) ? null : LocalDatePattern.Iso.Parse(reader.GetString(2)).Value,
            Enum.Parse<ErpSituation>(reader.GetString(3)),
            reader.IsDBNull(4) ? null : new LeadId(reader.GetGuid(4)),
            reader.IsDBNull(5) ? null : new AccountId(reader.GetGuid(5)),
            JsonSerializer.Deserialize<List<AccountId>>(reader.GetString(6), Json)!,
            JsonSerializer.Deserialize<RegistrationForm>(registration, Json)!, registration, reader.GetString(8));
    }

    // EF Core's SQLite provider stores a Guid as upper-case text.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static IntegrationState Integration(string text)
    {
        var parts = text.Split(':', 3);
        return parts[0] switch
        {
            "erp" => new IntegratedWithErp(parts[2], LocalDatePattern.Iso.Parse(parts[1]).Value),
            "gp" => new IntegratedWithGp(parts[2], parts[1] == "true"),
            _ => IntegrationState.None,
        };
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            LocalDatePattern.Iso.Parse(reader.GetString()!).Value;

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }

    /// <summary>The domain's id structs (a Guid <c>Value</c> and a constructor taking it) as their Guid.</summary>
    private sealed class IdConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsValueType && !typeToConvert.IsEnum
            && typeToConvert.GetProperty("Value")?.PropertyType == typeof(Guid) && typeToConvert.GetConstructor([typeof(Guid)]) is not null;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdConverter<TId> : JsonConverter<TId>
        where TId : struct
    {
        private static readonly Func<Guid, TId> Create = Compile<Func<Guid, TId>>(g => Expression.New(typeof(TId).GetConstructor([typeof(Guid)])!, g), typeof(Guid));
        private static readonly Func<TId, Guid> Value = Compile<Func<TId, Guid>>(id => Expression.Property(id, "Value"), typeof(TId));

        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Create(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteStringValue(Value(value));

        private static T Compile<T>(Func<ParameterExpression, Expression> body, Type parameter)
        {
            var p = Expression.Parameter(parameter);
            return Expression.Lambda<T>(body(p), p).Compile();
        }
    }
}
