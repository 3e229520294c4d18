using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "Postings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "JournalEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "JournalEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JournalEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ChainHead",
                table: "JournalBatches",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "RequiresTwoPeople",
                table: "Authorities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Rows written before the chain: numbered here, with the append-only triggers off for the UPDATE and on
            // again in this migration's transaction; sealed by LedgerSeal.SealExistingAsync, which the migrator runs next.
            migrationBuilder.Sql(Ledger.AppendOnlyTables.SetPostgresTriggers(enabled: false));
            migrationBuilder.Sql(Ledger.AppendOnlyTables.NumberExistingRows());
            migrationBuilder.Sql(Ledger.AppendOnlyTables.SetPostgresTriggers(enabled: true));

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
