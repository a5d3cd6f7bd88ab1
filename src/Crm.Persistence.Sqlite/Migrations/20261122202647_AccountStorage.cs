using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to change on SQLite: the history stays a TEXT column; its earlier documents are still read
            // (ChangeHistoryConverter) and rewritten in the compact format by the first save that appends to them.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the documents of the earlier JSON mapping: one object per entry with its instant in nanoseconds since
            // the Unix epoch and its author as upper-case text, the absorbed histories as a JSON string
            // (AbsorbedHistoryConverter's format, ISO instants). ('' || x makes x plain text, so it is stored as a string.)
            // Entries keep their order by the array positions (json_each's key): an aggregate's ORDER BY (SQLite 3.44+;
            // Microsoft.Data.Sqlite bundles 3.53) is what guarantees it, a join's order is not.
            foreach (var table in new[] { "Leads", "Contacts", "Accounts" })
            {
                migrationBuilder.Sql($$"""
                    UPDATE "{{table}}" SET "History" = json_object(
                        'Absorbed', '' || (SELECT json_group_array(json_object('Source', a.value ->> '$.Source',
                                'Entries', (SELECT json_group_array(json_object('At', c.value ->> '$.At', 'By', c.value ->> '$.By',
                                        'Field', f.value ->> '$[0]', 'Old', f.value -> '$[1]', 'New', f.value -> '$[2]',
                                        'Secret', json(CASE WHEN f.value ->> '$[3]' THEN 'true' ELSE 'false' END)) ORDER BY c.key, f.key)
                                    FROM json_each(a.value, '$.Changes') AS c, json_each(c.value, '$.Fields') AS f)) ORDER BY a.key)
                            FROM json_each("History", '$.Absorbed') AS a),
                        'Entries', (SELECT json_group_array(json_object(
                                'At', CAST(strftime('%s', substr(c.value ->> '$.At', 1, 19)) AS INTEGER) * 1000000000
                                    + CASE WHEN substr(c.value ->> '$.At', 20, 1) = '.'
                                        THEN CAST(substr(replace(substr(c.value ->> '$.At', 21), 'Z', '') || '000000000', 1, 9) AS INTEGER)
                                        ELSE 0 END,
                                'By', upper(c.value ->> '$.By'), 'Field', f.value ->> '$[0]',
                                'IsSecret', json(CASE WHEN f.value ->> '$[3]' THEN 'true' ELSE 'false' END),
                                'NewValue', f.value -> '$[2]', 'OldValue', f.value -> '$[1]') ORDER BY c.key, f.key)
                            FROM json_each("History", '$.Changes') AS c, json_each(c.value, '$.Fields') AS f))
                    WHERE json_type("History", '$.Changes') = 'array';
                    """);
            }
        }
    }
}
