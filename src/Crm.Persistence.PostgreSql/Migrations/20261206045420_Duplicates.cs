using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Duplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_ShortName",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_ShortName",
                table: "Accounts");

            migrationBuilder.AddColumn<string>(
                name: "ShortNameKey",
                table: "Leads",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortNameKey",
                table: "Accounts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DuplicateKeys",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Record = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateKeys", x => new { x.TenantId, x.Key, x.Kind, x.Record });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ShortNameKey",
                table: "Leads",
                columns: new[] { "TenantId", "ShortNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_ShortNameKey",
                table: "Accounts",
                columns: new[] { "TenantId", "ShortNameKey" },
                unique: true,
                filter: "\"ShortNameKey\" IS NOT NULL AND \"MergedInto\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateKeys");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_ShortNameKey",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_ShortNameKey",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ShortNameKey",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "ShortNameKey",
                table: "Accounts");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ShortName",
                table: "Leads",
                columns: new[] { "TenantId", "ShortName" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_ShortName",
                table: "Accounts",
                columns: new[] { "TenantId", "ShortName" });
        }
    }
}
