using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerAndRecharge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportBatches_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodStatuses_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RechargeRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PostedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReversedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReversedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Summary = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargeRuns_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CostActuals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    CostCentreId = table.Column<int>(type: "integer", nullable: false),
                    Account = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostActuals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostActuals_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CostActuals_CostCentres_CostCentreId",
                        column: x => x.CostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CostActuals_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DriverValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    CostCentreId = table.Column<int>(type: "integer", nullable: false),
                    Driver = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriverValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DriverValues_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DriverValues_CostCentres_CostCentreId",
                        column: x => x.CostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DriverValues_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Usage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    RecordId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    BuyerCostCentreId = table.Column<int>(type: "integer", nullable: false),
                    OfferingId = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    JobReference = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Usage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Usage_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Usage_CostCentres_BuyerCostCentreId",
                        column: x => x.BuyerCostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Usage_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Usage_Offerings_OfferingId",
                        column: x => x.OfferingId,
                        principalTable: "Offerings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RechargeRunId = table.Column<int>(type: "integer", nullable: true),
                    ReversesId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_JournalEntries_ReversesId",
                        column: x => x.ReversesId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_RechargeRuns_RechargeRunId",
                        column: x => x.RechargeRunId,
                        principalTable: "RechargeRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RechargeLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    RechargeRunId = table.Column<int>(type: "integer", nullable: false),
                    BuyerCostCentreId = table.Column<int>(type: "integer", nullable: false),
                    ProviderCostCentreId = table.Column<int>(type: "integer", nullable: false),
                    OfferingId = table.Column<int>(type: "integer", nullable: true),
                    Mechanism = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Detail = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargeLines_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RechargeLines_RechargeRuns_RechargeRunId",
                        column: x => x.RechargeRunId,
                        principalTable: "RechargeRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Postings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    JournalEntryId = table.Column<long>(type: "bigint", nullable: false),
                    CostCentreId = table.Column<int>(type: "integer", nullable: false),
                    AccountCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Postings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Postings_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Postings_CostCentres_CostCentreId",
                        column: x => x.CostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Postings_JournalEntries_JournalEntryId",
                        column: x => x.JournalEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CostActuals_AuthorityId",
                table: "CostActuals",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_CostActuals_AuthorityId_FinancialYearStart_PeriodNumber_Cos~",
                table: "CostActuals",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber", "CostCentreId", "Account" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CostActuals_CostCentreId",
                table: "CostActuals",
                column: "CostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_CostActuals_ImportBatchId",
                table: "CostActuals",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverValues_AuthorityId",
                table: "DriverValues",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverValues_AuthorityId_FinancialYearStart_PeriodNumber_Co~",
                table: "DriverValues",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber", "CostCentreId", "Driver" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DriverValues_CostCentreId",
                table: "DriverValues",
                column: "CostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverValues_ImportBatchId",
                table: "DriverValues",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_AuthorityId",
                table: "ImportBatches",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_AuthorityId_Kind_ContentHash",
                table: "ImportBatches",
                columns: new[] { "AuthorityId", "Kind", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_AuthorityId",
                table: "JournalEntries",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_AuthorityId_FinancialYearStart_PeriodNumber",
                table: "JournalEntries",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_RechargeRunId",
                table: "JournalEntries",
                column: "RechargeRunId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ReversesId",
                table: "JournalEntries",
                column: "ReversesId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodStatuses_AuthorityId",
                table: "PeriodStatuses",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodStatuses_AuthorityId_FinancialYearStart_PeriodNumber",
                table: "PeriodStatuses",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Postings_AuthorityId",
                table: "Postings",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_AuthorityId_CostCentreId_AccountCode",
                table: "Postings",
                columns: new[] { "AuthorityId", "CostCentreId", "AccountCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Postings_CostCentreId",
                table: "Postings",
                column: "CostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_JournalEntryId",
                table: "Postings",
                column: "JournalEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeLines_AuthorityId",
                table: "RechargeLines",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeLines_RechargeRunId_BuyerCostCentreId",
                table: "RechargeLines",
                columns: new[] { "RechargeRunId", "BuyerCostCentreId" });

            migrationBuilder.CreateIndex(
                name: "IX_RechargeRuns_AuthorityId",
                table: "RechargeRuns",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeRuns_OnePostedPerPeriod",
                table: "RechargeRuns",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber" },
                unique: true,
                filter: "\"Status\" = 'Posted'");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId",
                table: "Usage",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId_Date",
                table: "Usage",
                columns: new[] { "AuthorityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId_RecordId",
                table: "Usage",
                columns: new[] { "AuthorityId", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Usage_BuyerCostCentreId",
                table: "Usage",
                column: "BuyerCostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_ImportBatchId",
                table: "Usage",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_OfferingId",
                table: "Usage",
                column: "OfferingId");

            // Row-level security on every new tenant table, as in AccessAndAudit.
            foreach (var table in new[] { "ImportBatches", "Usage", "DriverValues", "CostActuals", "JournalEntries", "Postings", "PeriodStatuses", "RechargeRuns", "RechargeLines" })
            {
                migrationBuilder.Sql($@"
ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING (fairshare_can_see(""AuthorityId"")) WITH CHECK (fairshare_can_see(""AuthorityId""));");
            }

            // A posted journal is never changed: corrections are reversing transactions.
            migrationBuilder.Sql(@"
CREATE FUNCTION fairshare_journal_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Posted journals are immutable: correct them with a reversing transaction.';
END
$$;
CREATE TRIGGER journal_immutable BEFORE UPDATE OR DELETE ON ""JournalEntries"" FOR EACH ROW EXECUTE FUNCTION fairshare_journal_is_immutable();
CREATE TRIGGER postings_immutable BEFORE UPDATE OR DELETE ON ""Postings"" FOR EACH ROW EXECUTE FUNCTION fairshare_journal_is_immutable();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS journal_immutable ON ""JournalEntries""; DROP TRIGGER IF EXISTS postings_immutable ON ""Postings""; DROP FUNCTION IF EXISTS fairshare_journal_is_immutable();");

            migrationBuilder.DropTable(
                name: "CostActuals");

            migrationBuilder.DropTable(
                name: "DriverValues");

            migrationBuilder.DropTable(
                name: "PeriodStatuses");

            migrationBuilder.DropTable(
                name: "Postings");

            migrationBuilder.DropTable(
                name: "RechargeLines");

            migrationBuilder.DropTable(
                name: "Usage");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "RechargeRuns");
        }
    }
}
