using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Integration = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LastPurchase = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ErpSituation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConvertedFrom = table.Column<Guid>(type: "TEXT", nullable: true),
                    MergedInto = table.Column<Guid>(type: "TEXT", nullable: true),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LegalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TaxId = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedFrom = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_LegalName",
                table: "Accounts",
                columns: new[] { "TenantId", "LegalName" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_OwnerId",
                table: "Accounts",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_ShortName",
                table: "Accounts",
                columns: new[] { "TenantId", "ShortName" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_TaxId",
                table: "Accounts",
                columns: new[] { "TenantId", "TaxId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Accounts");
        }
    }
}
