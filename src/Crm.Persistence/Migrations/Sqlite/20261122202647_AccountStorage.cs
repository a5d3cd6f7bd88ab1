using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to change on SQLite: the history stays a TEXT column; its earlier documents are still read
            // (ChangeHistoryConverter) and rewritten in the compact format on the next save.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The history documents stay in the compact format, which the earlier JSON mapping cannot read: revert a
            // database with leads, accounts or contacts only from a backup.
        }
    }
}
