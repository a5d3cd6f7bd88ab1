using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Persistence;
using NodaTime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Indicators;

/// <summary>
/// The SQL the two engines write differently: reading inside the JSON columns (SQLite's json_each / json_extract,
/// PostgreSQL's jsonb operators). Everything else is LINQ that EF translates for both.
/// </summary>
internal sealed class Sql
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private Sql(bool postgres) => Postgres = postgres;

    public bool Postgres { get; }

    public static Sql Of(CrmDbContext db) => new(string.Equals(db.Database.ProviderName, PostgresProvider, StringComparison.Ordinal));

    /// <summary>
    /// The rows of <paramref name="table"/> (leads or accounts) whose first history entry is at or after {0} (when
    /// <paramref name="bounded"/>) and before {1}, both ISO instants to the second (<c>2026-11-22T03:00:00</c>). The history
    /// stores ISO instants with a variable fraction, so only their first 19 characters compare as text.
    /// </summary>
    public string RegisteredBetween(string table, bool bounded)
    {
        var at = Postgres
            ? """left(("History"::jsonb)->'Changes'->0->>'At', 19)"""
            : """substr(json_extract("History", '$.Changes[0].At'), 1, 19)""";
        return bounded
            ? "SELECT * FROM \"" + table + "\" WHERE " + at + " >= {0} AND " + at + " < {1}"
            : "SELECT * FROM \"" + table + "\" WHERE " + at + " < {1}";
    }

    /// <summary>The contacts whose JSON list <paramref name="column"/> (<c>Emails</c>, <c>Phones</c>) holds at least one element.</summary>
    public static string ContactsWith(string column) => "SELECT * FROM \"Contacts\" WHERE \"" + column + "\" <> '[]'";

    /// <summary>
    /// The contacts whose consents (<c>Marketing</c>) hold an opt-in for channel {0} given on or before day {1} (ISO
    /// date text; the consent's <c>On</c> is an ISO date too).
    /// </summary>
    public string ContactsOptedIn => Postgres
        ? """SELECT * FROM "Contacts" WHERE EXISTS (SELECT 1 FROM jsonb_array_elements("Marketing"::jsonb) m WHERE m->>'Channel' = {0} AND (m->>'OptedIn')::boolean AND m->>'On' <= {1})"""
        : """SELECT * FROM "Contacts" WHERE EXISTS (SELECT 1 FROM json_each("Marketing") m WHERE json_extract(m.value, '$.Channel') = {0} AND json_extract(m.value, '$.OptedIn') = 1 AND json_extract(m.value, '$.On') <= {1})""";

    /// <summary>
    /// One row per open item of every sales order (<see cref="OrderLine"/>): the order's tenant, seller, company, branch,
    /// issue date and status with the item's product, quantity and total. The items are the order's JSON document; a
    /// number is read as its JSON text on SQLite (exact decimals, summed by EF's ef_sum) and as numeric on PostgreSQL.
    /// </summary>
    public string OrderLines => Postgres
        ? """
          SELECT o."TenantId" AS "Tenant", o."Seller", o."Company", o."Branch", o."IssueDate", o."Status",
                 i->>'product' AS "Product", (i->>'quantity')::numeric AS "Quantity", (i->'values'->>'total')::numeric AS "Value"
          FROM "SalesOrders" o CROSS JOIN LATERAL jsonb_array_elements(o."Items") i
          WHERE coalesce(i->>'status', '0') = '0'
          """
        : """
          SELECT o."TenantId" AS "Tenant", o."Seller", o."Company", o."Branch", o."IssueDate", o."Status",
                 json_extract(i.value, '$.product') AS "Product", i.value -> '$.quantity' AS "Quantity", i.value -> '$.values.total' AS "Value"
          FROM "SalesOrders" o, json_each(o."Items") i
          WHERE coalesce(json_extract(i.value, '$.status'), 0) = 0
          """;

    /// <summary>
    /// One row per stage visit of every opportunity (<see cref="StageLine"/>): the opportunity's tenant, id, owner, account,
    /// pipeline, status and value with the visit's stage, the instant it was entered and whether it is the current one.
    /// </summary>
    public string StageLines => Postgres
        ? """
          SELECT o."TenantId" AS "Tenant", o."Id" AS "Opportunity", o."Owner", o."Account", o."Pipeline", o."Status", o."ValueAmount" AS "Value",
                 (v.e->>'Stage')::uuid AS "Stage", (v.e->>'Entered')::timestamptz AS "Entered", v.n = jsonb_array_length(o."StageHistory") AS "IsCurrent"
          FROM "Opportunities" o CROSS JOIN LATERAL jsonb_array_elements(o."StageHistory") WITH ORDINALITY AS v(e, n)
          """
        : """
          SELECT o."TenantId" AS "Tenant", o."Id" AS "Opportunity", o."Owner", o."Account", o."Pipeline", o."Status", o."ValueAmount" AS "Value",
                 json_extract(v.value, '$.Stage') AS "Stage", json_extract(v.value, '$.Entered') AS "Entered",
                 v.key = json_array_length(o."StageHistory") - 1 AS "IsCurrent"
          FROM "Opportunities" o, json_each(o."StageHistory") v
          """;
}

/// <summary>An open item of a sales order with its order's columns (<see cref="Sql.OrderLines"/>).</summary>
internal sealed class OrderLine
{
    public TenantId Tenant { get; set; }
    public UserId Seller { get; set; }
    public CompanyId? Company { get; set; }
    public BranchId? Branch { get; set; }
    public LocalDate IssueDate { get; set; }
    public SalesOrderStatus Status { get; set; }
    public string Product { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal? Value { get; set; }
}

/// <summary>A stage visit of an opportunity with the opportunity's columns (<see cref="Sql.StageLines"/>).</summary>
internal sealed class StageLine
{
    public TenantId Tenant { get; set; }
    public OpportunityId Opportunity { get; set; }
    public UserId Owner { get; set; }
    public AccountId Account { get; set; }
    public PipelineId Pipeline { get; set; }
    public StageOutcome Status { get; set; }
    public decimal? Value { get; set; }
    public StageId Stage { get; set; }
    public Instant Entered { get; set; }
    public bool IsCurrent { get; set; }
}
