using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AccountStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "History",
                table: "Leads",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "History",
                table: "Contacts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "History",
                table: "Accounts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to jsonb and to the documents of the earlier JSON mapping: one object per entry, the absorbed histories
            // as a JSON string (AbsorbedHistoryConverter's format), instants as the ISO text both formats share.
            foreach (var table in new[] { "Leads", "Contacts", "Accounts" })
            {
                migrationBuilder.Sql($$"""
                    UPDATE "{{table}}" SET "History" = jsonb_build_object(
                        'Entries', COALESCE((SELECT jsonb_agg(jsonb_build_object('At', c.value -> 'At', 'By', c.value -> 'By',
                                'Field', f.value -> 0, 'IsSecret', COALESCE(f.value -> 3, 'false'::jsonb),
                                'NewValue', f.value -> 2, 'OldValue', f.value -> 1) ORDER BY c.i, f.j)
                            FROM jsonb_array_elements("History"::jsonb -> 'Changes') WITH ORDINALITY AS c(value, i)
                            CROSS JOIN LATERAL jsonb_array_elements(c.value -> 'Fields') WITH ORDINALITY AS f(value, j)), '[]'::jsonb),
                        'Absorbed', to_jsonb(COALESCE((SELECT jsonb_agg(jsonb_build_object('Source', a.value -> 'Source',
                                'Entries', COALESCE((SELECT jsonb_agg(jsonb_build_object('At', c.value -> 'At', 'By', c.value -> 'By',
                                        'Field', f.value -> 0, 'Old', f.value -> 1, 'New', f.value -> 2,
                                        'Secret', COALESCE(f.value -> 3, 'false'::jsonb)) ORDER BY c.i, f.j)
                                    FROM jsonb_array_elements(a.value -> 'Changes') WITH ORDINALITY AS c(value, i)
                                    CROSS JOIN LATERAL jsonb_array_elements(c.value -> 'Fields') WITH ORDINALITY AS f(value, j)), '[]'::jsonb))
                                ORDER BY a.k)
                            FROM jsonb_array_elements(COALESCE("History"::jsonb -> 'Absorbed', '[]'::jsonb)) WITH ORDINALITY AS a(value, k)),
                            '[]'::jsonb)::text))::text
                    WHERE "History"::jsonb ? 'Changes';
                    ALTER TABLE "{{table}}" ALTER COLUMN "History" TYPE jsonb USING "History"::jsonb;
                    """);
            }
        }
    }
}
