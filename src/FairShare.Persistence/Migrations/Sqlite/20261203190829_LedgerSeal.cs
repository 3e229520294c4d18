using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerSeal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreparedBy",
                table: "RechargeRuns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "Postings",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "JournalEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "JournalEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JournalEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ChainHead",
                table: "JournalBatches",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "RequiresTwoPeople",
                table: "Authorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Rows written before the chain: numbered here (with the append-only triggers dropped for the UPDATE and
            // made again below, with the one that refuses REPLACE, in this migration's transaction); sealed by
            // LedgerSeal.SealExistingAsync, which the migrator runs next.
            migrationBuilder.Sql(Ledger.AppendOnlyTables.DropSqliteTriggers(withInsert: false));
            migrationBuilder.Sql(Ledger.AppendOnlyTables.NumberExistingRows());

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_AuthorityId_Sequence",
                table: "JournalEntries",
                columns: new[] { "AuthorityId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AuthorityId_Sequence",
                table: "AuditEntries",
                columns: new[] { "AuthorityId", "Sequence" },
                unique: true);

            migrationBuilder.Sql(Ledger.AppendOnlyTables.CreateSqliteTriggers());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Ledger.AppendOnlyTables.DropSqliteTriggers());
            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_AuthorityId_Sequence",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_AuthorityId_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreparedBy",
                table: "RechargeRuns");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "Postings");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "ChainHead",
                table: "JournalBatches");

            migrationBuilder.DropColumn(
                name: "RequiresTwoPeople",
                table: "Authorities");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEntries");

            migrationBuilder.Sql(Ledger.AppendOnlyTables.CreateSqliteTriggers(withInsert: false));
        }
    }
}
