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
    private Sql(bool postgres) => Postgres = postgres;

    public bool Postgres { get; }

    public static Sql Of(CrmDbContext db) => new(db.IsPostgres);

    /// <summary>
    /// The distinct non-null values of <paramref name="column"/> in <paramref name="table"/> for tenant {0}, as a column
    /// <c>Value</c>: a walk of the (tenant, column) index that jumps from one value to the next (one index probe per
    /// company, not a scan of every row). Both names come from this assembly, never from input.
    /// </summary>
    public static string CompaniesOf(string table, string column) => $$"""
        -- Indicator scope: companies of {{table}}
        WITH RECURSIVE c("Value") AS (
            SELECT (SELECT "{{column}}" FROM "{{table}}" WHERE "TenantId" = {0} AND "{{column}}" IS NOT NULL ORDER BY "{{column}}" LIMIT 1)
            UNION ALL
            SELECT (SELECT t."{{column}}" FROM "{{table}}" t WHERE t."TenantId" = {0} AND t."{{column}}" > c."Value" ORDER BY t."{{column}}" LIMIT 1)
            FROM c WHERE c."Value" IS NOT NULL)
        SELECT "Value" FROM c WHERE "Value" IS NOT NULL
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
    /// One row per stage visit (<see cref="StageLine"/>) of the opportunities of tenant {0} whose latest stage entry is at
    /// or after {1} (no visit of another was entered since): the opportunity, the stage, and whether it was entered in
    /// [{2}, {3}) and in [{1}, {2}) — instants as <see cref="Moment"/> gives them.
    /// </summary>
    public string StageLines => Postgres
        ? """
          SELECT o."Id" AS "Opportunity", (v.e->>'Stage')::uuid AS "Stage",
                 (v.e->>'Entered')::timestamptz >= {2} AND (v.e->>'Entered')::timestamptz < {3} AS "EnteredNow",
                 (v.e->>'Entered')::timestamptz >= {1} AND (v.e->>'Entered')::timestamptz < {2} AS "EnteredBefore"
          FROM "Opportunities" o CROSS JOIN LATERAL jsonb_array_elements(o."StageHistory") AS v(e)
          WHERE o."TenantId" = {0} AND o."LatestStageEntry" >= {1}
          """
        : """
          SELECT o."Id" AS "Opportunity", json_extract(v.value, '$.Stage') AS "Stage",
                 json_extract(v.value, '$.Entered') >= {2} AND json_extract(v.value, '$.Entered') < {3} AS "EnteredNow",
                 json_extract(v.value, '$.Entered') >= {1} AND json_extract(v.value, '$.Entered') < {2} AS "EnteredBefore"
          FROM "Opportunities" o, json_each(o."StageHistory") v
          WHERE o."TenantId" = {0} AND o."LatestStageEntry" >= {1}
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
    public bool EnteredNow { get; set; }
    public bool EnteredBefore { get; set; }
}

/// <summary>An account's preferred channel (<see cref="Sql.PreferredChannels"/>), the channel as stored (its name).</summary>
internal sealed class ChannelPick
{
    public Guid? Account { get; set; }
    public string Channel { get; set; } = "";
}
