using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.Migrations.PostgreSql
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

            foreach (var (table, column) in CardLists)
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text USING array_to_string("{column}", ',');""");
        }
    }
}
