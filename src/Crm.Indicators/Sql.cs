using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Persistence;
using NodaTime;
using NodaTime.Text;
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
    /// The distinct non-null values of <paramref name="column"/> in <paramref name="table"/> for tenant {0}, as a column
    /// <c>Value</c>: a walk of the (tenant, column) index that jumps from one value to the next (one index probe per
    /// company, not a scan of every row). Both names come from this assembly, never from input.
    /// </summary>
    public static string CompaniesOf(string table, string column) => $$"""
        WITH RECURSIVE c("Value") AS (
            SELECT (SELECT "{{column}}" FROM "{{table}}" WHERE "TenantId" = {0} AND "{{column}}" IS NOT NULL ORDER BY "{{column}}" LIMIT 1)
            UNION ALL
            SELECT (SELECT t."{{column}}" FROM "{{table}}" t WHERE t."TenantId" = {0} AND t."{{column}}" > c."Value" ORDER BY t."{{column}}" LIMIT 1)
            FROM c WHERE c."Value" IS NOT NULL)
        SELECT "Value" FROM c WHERE "Value" IS NOT NULL
        """;

    /// <summary>Every contact of tenant {0} with its lead or account and whether it has an e-mail and a phone (<see cref="ContactFacts"/>).</summary>
    public const string ContactFacts = """
        SELECT "OwnerAccount" AS "Account", "OwnerLead" AS "Lead", "Emails" <> '[]' AS "HasEmail", "Phones" <> '[]' AS "HasPhone"
        FROM "Contacts" WHERE "TenantId" = {0}
        """;

    /// <summary>Every opt-in of the contacts of tenant {0} (<see cref="OptIn"/>): the contact's lead or account, the channel and the day given (ISO text).</summary>
    public string OptIns => Postgres
        ? """
          SELECT c."OwnerAccount" AS "Account", c."OwnerLead" AS "Lead", m->>'Channel' AS "Channel", m->>'On' AS "On"
          FROM "Contacts" c CROSS JOIN LATERAL jsonb_array_elements(c."Marketing"::jsonb) m
          WHERE c."TenantId" = {0} AND (m->>'OptedIn')::boolean
          """
        : """
          SELECT c."OwnerAccount" AS "Account", c."OwnerLead" AS "Lead", json_extract(m.value, '$.Channel') AS "Channel", json_extract(m.value, '$.On') AS "On"
          FROM "Contacts" c, json_each(c."Marketing") m
          WHERE c."TenantId" = {0} AND json_extract(m.value, '$.OptedIn') = 1
          """;

    /// <summary>
    /// The complaints of tenant {0} opened in [{1}, {3}) with the client type of their account's registration
    /// (<see cref="ComplaintProfile"/>), and whether they were opened at or after {2} — instants as <see cref="Moment"/> gives them.
    /// </summary>
    public string ComplaintProfiles => Postgres
        ? """
          SELECT o."Account", (a."Data"::jsonb)->>'ClientType' AS "ClientType", o."OpenedAt" >= {2} AS "Current"
          FROM "Occurrences" o JOIN "Accounts" a ON a."TenantId" = o."TenantId" AND a."Id" = o."Account"
          WHERE o."TenantId" = {0} AND o."IsComplaint" AND o."OpenedAt" >= {1} AND o."OpenedAt" < {3}
          """
        : """
          SELECT o."Account", json_extract(a."Data", '$.ClientType') AS "ClientType", o."OpenedAt" >= {2} AS "Current"
          FROM "Occurrences" o JOIN "Accounts" a ON a."TenantId" = o."TenantId" AND a."Id" = o."Account"
          WHERE o."TenantId" = {0} AND o."IsComplaint" AND o."OpenedAt" >= {1} AND o."OpenedAt" < {3}
          """;

    /// <summary>
    /// Each account of tenant {0} with its preferred channel (<see cref="ChannelPick"/>): the channel of most of its
    /// occurrences opened in [{1}, {2}), a tie to the channel name first in order. One grouping of the period's
    /// occurrences by account and channel, ranked by a window function (no query per account).
    /// </summary>
    public const string PreferredChannels = """
        SELECT "Account", "Channel" FROM (
            SELECT o."Account", o."Channel", ROW_NUMBER() OVER (PARTITION BY o."Account" ORDER BY COUNT(*) DESC, o."Channel") AS "Rank"
            FROM "Occurrences" o
            WHERE o."TenantId" = {0} AND o."OpenedAt" >= {1} AND o."OpenedAt" < {2}
            GROUP BY o."Account", o."Channel") ranked
        WHERE "Rank" = 1
        """;

    /// <summary>
    /// One row per stage visit of every opportunity of the tenant {0} (<see cref="StageLine"/>): the opportunity, the
    /// stage, whether it is the current visit, and whether it was entered in [{2}, {3}) and in [{1}, {2}) — instants as
    /// <see cref="Moment"/> gives them.
    /// </summary>
    public string StageLines => Postgres
        ? """
          SELECT o."Id" AS "Opportunity", (v.e->>'Stage')::uuid AS "Stage", v.n = jsonb_array_length(o."StageHistory") AS "IsCurrent",
                 (v.e->>'Entered')::timestamptz >= {2} AND (v.e->>'Entered')::timestamptz < {3} AS "EnteredNow",
                 (v.e->>'Entered')::timestamptz >= {1} AND (v.e->>'Entered')::timestamptz < {2} AS "EnteredBefore"
          FROM "Opportunities" o CROSS JOIN LATERAL jsonb_array_elements(o."StageHistory") WITH ORDINALITY AS v(e, n)
          WHERE o."TenantId" = {0}
          """
        : """
          SELECT o."Id" AS "Opportunity", json_extract(v.value, '$.Stage') AS "Stage", v.key = json_array_length(o."StageHistory") - 1 AS "IsCurrent",
                 json_extract(v.value, '$.Entered') >= {2} AND json_extract(v.value, '$.Entered') < {3} AS "EnteredNow",
                 json_extract(v.value, '$.Entered') >= {1} AND json_extract(v.value, '$.Entered') < {2} AS "EnteredBefore"
          FROM "Opportunities" o, json_each(o."StageHistory") v
          WHERE o."TenantId" = {0}
          """;

    /// <summary>An instant as the opportunities' stage history stores it: nanoseconds since 1970 on SQLite, a timestamptz on PostgreSQL.</summary>
    public object Moment(Instant instant) => Postgres ? instant : (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>The tenant as its key column stores it: a uuid on PostgreSQL, upper-case text on SQLite.</summary>
    public object Key(Guid id) => Postgres ? id : id.ToString().ToUpperInvariant();
}

/// <summary>A stage visit of an opportunity (<see cref="Sql.StageLines"/>).</summary>
internal sealed class StageLine
{
    public Guid Opportunity { get; set; }
    public Guid Stage { get; set; }
    public bool IsCurrent { get; set; }
    public bool EnteredNow { get; set; }
    public bool EnteredBefore { get; set; }
}

/// <summary>A complaint with its account's client type (<see cref="Sql.ComplaintProfiles"/>).</summary>
internal sealed class ComplaintProfile
{
    public Guid? Account { get; set; }
    public string? ClientType { get; set; }
    public bool Current { get; set; }
}

/// <summary>An account's preferred channel (<see cref="Sql.PreferredChannels"/>), the channel as stored (its name).</summary>
internal sealed class ChannelPick
{
    public Guid? Account { get; set; }
    public string Channel { get; set; } = "";
}

/// <summary>A contact's owner and reach (<see cref="Sql.ContactFacts"/>).</summary>
internal sealed class ContactFacts
{
    public Guid? Account { get; set; }
    public Guid? Lead { get; set; }
    public bool HasEmail { get; set; }
    public bool HasPhone { get; set; }
}

/// <summary>An opt-in of a contact (<see cref="Sql.OptIns"/>).</summary>
internal sealed class OptIn
{
    public Guid? Account { get; set; }
    public Guid? Lead { get; set; }
    public string Channel { get; set; } = "";
    public string On { get; set; } = "";
}
