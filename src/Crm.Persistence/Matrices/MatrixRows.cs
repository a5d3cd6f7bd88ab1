using System.Text.Json;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Registry;
using Crm.Persistence.Conversions;
using NodaTime;

namespace Crm.Persistence.Matrices;

/// <summary>
/// A rule of a tenant's tax or commercial matrix as stored: the matrix's name and the rule's id as the key, its key
/// (dimensions, NCM prefix, validity, quantity range) and its payload as JSON documents.
/// </summary>
public sealed class MatrixRuleRow
{
    /// <summary>The longest rule id the column holds.</summary>
    public const int IdLength = 60; // the matrix sheet's MatrixColumns.IdLength (Crm.Imports) says the same; a test ties them

    /// <summary>The matrix's name (<c>icms</c>, <c>freight</c>…).</summary>
    public string Matrix { get; set; } = "";

    /// <summary>The rule's id (key within the tenant and matrix).</summary>
    public string RuleId { get; set; } = "";

    /// <summary>The rule's key (JSON).</summary>
    public string Key { get; set; } = "";

    /// <summary>The rule's payload (JSON).</summary>
    public string Payload { get; set; } = "";

    /// <summary>A row for <paramref name="rule"/>.</summary>
    public static MatrixRuleRow From<TPayload>(MatrixRule<TPayload> rule) where TPayload : IMatrixPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new()
        {
            Matrix = TPayload.MatrixName, RuleId = rule.Id,
            Key = JsonSerializer.Serialize(StoredKey.Of(rule.Key), DomainJson.Options),
            Payload = JsonSerializer.Serialize(rule.Payload, DomainJson.Options),
        };
    }

    /// <summary>The domain rule.</summary>
    public MatrixRule<TPayload> ToRule<TPayload>() where TPayload : IMatrixPayload<TPayload> =>
        new(RuleId, JsonSerializer.Deserialize<StoredKey>(Key, DomainJson.Options)!.ToKey(),
            JsonSerializer.Deserialize<TPayload>(Payload, DomainJson.Options)!);

    /// <summary>A matrix key as stored: the bound dimensions only (null ones are left out), CEST by its digits.</summary>
    private sealed record StoredKey(
        string? Establishment, string? Customer, string? CustomerGroup, string? ClientType, Uf? OriginUf, Uf? DestinationUf,
        string? Product, string? ProductLine, ProductOrigin? ProductOrigin, string? Cest, string? Unit, string? PaymentCondition,
        string? SalesChannel, string? Role, string? Ncm, LocalDate? From, LocalDate? To, decimal? Min, decimal? Max)
    {
        public static StoredKey Of(MatrixKey key) => new(
            key.Establishment, key.Customer, key.CustomerGroup, key.ClientType, key.OriginUf, key.DestinationUf, key.Product,
            key.ProductLine, key.ProductOrigin, key.Cest?.Value, key.Unit, key.PaymentCondition, key.SalesChannel, key.Role,
            key.NcmPrefix, key.Validity.From, key.Validity.To, key.Quantity.Min, key.Quantity.Max);

        // A stored CEST was valid when saved.
        public MatrixKey ToKey() => new()
        {
            Establishment = Establishment, Customer = Customer, CustomerGroup = CustomerGroup, ClientType = ClientType,
            OriginUf = OriginUf, DestinationUf = DestinationUf, Product = Product, ProductLine = ProductLine,
            ProductOrigin = ProductOrigin, Cest = Cest is null ? null : Crm.Domain.Registry.Cest.Parse(Cest).AsT0, Unit = Unit,
            PaymentCondition = PaymentCondition, SalesChannel = SalesChannel, Role = Role, NcmPrefix = Ncm,
            Validity = new Validity(From, To), Quantity = new QuantityRange(Min, Max),
        };
    }
}

/// <summary>
/// A tenant's matrix as a whole: its version (the concurrency token every save of the matrix increments, which is also
/// how an engine tells that its copy in memory is stale), the number of its rules and its last change.
/// </summary>
public sealed class MatrixVersionRow
{
    /// <summary>The matrix's name (key within the tenant).</summary>
    public string Matrix { get; set; } = "";

    /// <summary>How many rules the matrix holds.</summary>
    public int Rules { get; set; }

    /// <summary>When it was last saved.</summary>
    public Instant ChangedAt { get; set; }

    /// <summary>Who saved it last.</summary>
    public UserId ChangedBy { get; set; }
}

/// <summary>
/// One save of a tenant's matrix, kept as its history: who, when, the ids of the rules added or replaced and of those
/// removed. An engine holding the version before it reloads only these rules.
/// </summary>
public sealed class MatrixChangeRow
{
    /// <summary>The matrix's name.</summary>
    public string Matrix { get; set; } = "";

    /// <summary>The version the save gave the matrix (not named <c>Version</c>: that name is the engine's concurrency column).</summary>
    public long MatrixVersion { get; set; }

    /// <summary>When.</summary>
    public Instant At { get; set; }

    /// <summary>Who.</summary>
    public UserId By { get; set; }

    /// <summary>The ids of the rules added or replaced (JSON array).</summary>
    public string Changed { get; set; } = "[]";

    /// <summary>The ids of the rules removed (JSON array).</summary>
    public string Removed { get; set; } = "[]";

    /// <summary>The ids added or replaced.</summary>
    public IReadOnlyList<string> ChangedIds => JsonSerializer.Deserialize<string[]>(Changed, DomainJson.Options)!;

    /// <summary>The ids removed.</summary>
    public IReadOnlyList<string> RemovedIds => JsonSerializer.Deserialize<string[]>(Removed, DomainJson.Options)!;

    /// <summary>A change row; <paramref name="changed"/> and <paramref name="removed"/> are written as JSON arrays.</summary>
    public static MatrixChangeRow Of(string matrix, long version, Instant at, UserId by, IEnumerable<string> changed, IEnumerable<string> removed) => new()
    {
        Matrix = matrix, MatrixVersion = version, At = at, By = by,
        Changed = JsonSerializer.Serialize(changed, DomainJson.Options), Removed = JsonSerializer.Serialize(removed, DomainJson.Options),
    };
}
