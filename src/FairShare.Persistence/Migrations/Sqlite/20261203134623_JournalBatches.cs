using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RechargeRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    DebitsPence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditsPence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    JournalBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LedgerReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            // Batches and their events are appended, never changed.
            foreach (var table in new[] { "JournalBatches", "JournalBatchEvents" })
            {
                migrationBuilder.Sql($@"CREATE TRIGGER {table.ToLowerInvariant()}_no_update BEFORE UPDATE ON ""{table}"" BEGIN SELECT RAISE(ABORT, 'Journal batches and their events are append-only: a batch sent to the ledger stays sent.'); END;");
                migrationBuilder.Sql($@"CREATE TRIGGER {table.ToLowerInvariant()}_no_delete BEFORE DELETE ON ""{table}"" BEGIN SELECT RAISE(ABORT, 'Journal batches and their events are append-only: a batch sent to the ledger stays sent.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS journalbatches_no_update; DROP TRIGGER IF EXISTS journalbatches_no_delete; DROP TRIGGER IF EXISTS journalbatchevents_no_update; DROP TRIGGER IF EXISTS journalbatchevents_no_delete;");
            migrationBuilder.DropTable(
                name: "JournalBatchEvents");

            migrationBuilder.DropTable(
                name: "JournalBatches");
        }
    }
}
