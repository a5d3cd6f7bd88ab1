using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BoardFilters : Migration
    {
        private static readonly (string Table, string Column)[] CardLists =
            [("Cards", "Tags"), ("Cards", "Members"), ("BaseCards", "Tags"), ("BaseCards", "Members")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tags and members were comma-joined Guids; they become JSON arrays of the upper-case Guid text SQLite
            // stores, the shape EF reads as primitive collections and queries with json_each.
            foreach (var (table, column) in CardLists)
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "{column}" = CASE WHEN "{column}" = '' THEN '[]'
                        ELSE '["' || replace(upper("{column}"), ',', '","') || '"]' END;
                    """);

            // A card keeps whether it has tasks (done or not) as a column; existing cards get it from their stored tasks.
            migrationBuilder.AddColumn<bool>(
                name: "HasTasks",
                table: "Cards",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
            migrationBuilder.Sql("""UPDATE "Cards" SET "HasTasks" = json_array_length("Tasks") > 0;""");

            migrationBuilder.CreateTable(
                name: "BoardFilters",
                columns: table => new
                {
                    User = table.Column<Guid>(type: "TEXT", nullable: false),
                    Board = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentFilter = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedFilters = table.Column<string>(type: "TEXT", nullable: false)
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
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "{column}" = replace(replace(replace("{column}", '["', ''), '"]', ''), '","', ',');
                    UPDATE "{table}" SET "{column}" = '' WHERE "{column}" = '[]';
                    """);
        }
    }
}
