using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BoardFilters : Migration
    {
        private static readonly (string Table, string Column)[] CardLists =
            [("Cards", "Tags"), ("Cards", "Members"), ("BaseCards", "Tags"), ("BaseCards", "Members")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tags and members were comma-joined Guids; they become uuid arrays, which EF queries with = ANY.
            foreach (var (table, column) in CardLists)
                migrationBuilder.Sql($$"""
                    ALTER TABLE "{{table}}" ALTER COLUMN "{{column}}" TYPE uuid[]
                        USING CASE WHEN "{{column}}" = '' THEN '{}'::uuid[] ELSE string_to_array("{{column}}", ',')::uuid[] END;
                    """);

            // A card keeps whether it has tasks (done or not) as a column; existing cards get it from their stored tasks.
            migrationBuilder.AddColumn<bool>(
                name: "HasTasks",
                table: "Cards",
                type: "boolean",
                nullable: false,
                defaultValue: false);
            migrationBuilder.Sql("""UPDATE "Cards" SET "HasTasks" = jsonb_array_length("Tasks") > 0;""");

            migrationBuilder.CreateTable(
                name: "BoardFilters",
                columns: table => new
                {
                    User = table.Column<Guid>(type: "uuid", nullable: false),
                    Board = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentFilter = table.Column<string>(type: "jsonb", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    SavedFilters = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardFilters", x => new { x.TenantId, x.User, x.Board });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardFilters");

            migrationBuilder.DropColumn(
                name: "HasTasks",
                table: "Cards");

            foreach (var (table, column) in CardLists)
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text USING array_to_string("{column}", ',');""");
        }
    }
}
