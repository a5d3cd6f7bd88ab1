using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.Migrations.PostgreSql
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
            // Back to jsonb, as the earlier JSON mapping had it. The documents stay in the compact format, which that mapping
            // cannot read: revert a database with leads, accounts or contacts only from a backup.
            foreach (var table in new[] { "Leads", "Contacts", "Accounts" })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"History\" TYPE jsonb USING \"History\"::jsonb;");
        }
    }
}
