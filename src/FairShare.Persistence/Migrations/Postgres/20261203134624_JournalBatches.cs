using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JournalBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    RechargeRunId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    DebitsPence = table.Column<long>(type: "bigint", nullable: false),
                    CreditsPence = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalBatches_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalBatches_RechargeRuns_RechargeRunId",
                        column: x => x.RechargeRunId,
                        principalTable: "RechargeRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalBatchEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    JournalBatchId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LedgerReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalBatchEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalBatchEvents_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalBatchEvents_JournalBatches_JournalBatchId",
                        column: x => x.JournalBatchId,
                        principalTable: "JournalBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalBatches_AuthorityId",
                table: "JournalBatches",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalBatches_RechargeRunId_Kind",
                table: "JournalBatches",
                columns: new[] { "RechargeRunId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalBatchEvents_AuthorityId",
                table: "JournalBatchEvents",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalBatchEvents_JournalBatchId_Kind",
                table: "JournalBatchEvents",
                columns: new[] { "JournalBatchId", "Kind" },
                unique: true);
            migrationBuilder.Sql(@"
CREATE FUNCTION fairshare_journal_batches_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Journal batches and their events are append-only: a batch sent to the ledger stays sent.';
END
$$;");
            // Row-level security as on every tenant table; batches and their events are appended, never changed.
            foreach (var table in new[] { "JournalBatches", "JournalBatchEvents" })
            {
                migrationBuilder.Sql($@"
ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING ({RowLevelSecurity.TenantRule}) WITH CHECK ({RowLevelSecurity.TenantRule});
CREATE TRIGGER {table.ToLowerInvariant()}_append_only BEFORE UPDATE OR DELETE ON ""{table}""
  FOR EACH ROW EXECUTE FUNCTION fairshare_journal_batches_are_append_only();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS journalbatchevents_append_only ON ""JournalBatchEvents""; DROP TRIGGER IF EXISTS journalbatches_append_only ON ""JournalBatches"";");
            migrationBuilder.DropTable(
                name: "JournalBatchEvents");

            migrationBuilder.DropTable(
                name: "JournalBatches");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS fairshare_journal_batches_are_append_only();");
        }
    }
}
