using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UsageSummariesProviderCostsAndUsageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RechargeLines_Authorities_AuthorityId",
                table: "RechargeLines");

            migrationBuilder.DropForeignKey(
                name: "FK_RechargeLines_RechargeRuns_RechargeRunId",
                table: "RechargeLines");

            migrationBuilder.DropForeignKey(
                name: "FK_Usage_Authorities_AuthorityId",
                table: "Usage");

            migrationBuilder.DropForeignKey(
                name: "FK_Usage_CostCentres_BuyerCostCentreId",
                table: "Usage");

            migrationBuilder.DropForeignKey(
                name: "FK_Usage_ImportBatches_ImportBatchId",
                table: "Usage");

            migrationBuilder.DropForeignKey(
                name: "FK_Usage_Offerings_OfferingId",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_AuthorityId",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_BuyerCostCentreId",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_ImportBatchId",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_OfferingId",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_RechargeLines_AuthorityId",
                table: "RechargeLines");

            migrationBuilder.AddColumn<string>(
                name: "AllocationDriver",
                table: "CostCentres",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProviderCosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    ProviderCostCentreId = table.Column<int>(type: "integer", nullable: false),
                    BuyerCostCentreId = table.Column<int>(type: "integer", nullable: true),
                    Driver = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderCosts", x => x.Id);
                    table.CheckConstraint("CK_ProviderCosts_OneTarget", "(\"BuyerCostCentreId\" IS NULL) <> (\"Driver\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_ProviderCosts_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProviderCosts_CostCentres_BuyerCostCentreId",
                        column: x => x.BuyerCostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProviderCosts_CostCentres_ProviderCostCentreId",
                        column: x => x.ProviderCostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProviderCosts_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UsageSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    ImportBatchId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    BuyerCostCentreId = table.Column<int>(type: "integer", nullable: false),
                    OfferingId = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageSummaries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCosts_AuthorityId_FinancialYearStart_PeriodNumber",
                table: "ProviderCosts",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCosts_BuyerCostCentreId",
                table: "ProviderCosts",
                column: "BuyerCostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCosts_ImportBatchId",
                table: "ProviderCosts",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCosts_ProviderCostCentreId",
                table: "ProviderCosts",
                column: "ProviderCostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_UsageSummaries_AuthorityId_FinancialYearStart_PeriodNumber",
                table: "UsageSummaries",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber" });

            foreach (var table in new[] { "ProviderCosts", "UsageSummaries" })
            {
                migrationBuilder.Sql($@"
ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING (fairshare_can_see(""AuthorityId"")) WITH CHECK (fairshare_can_see(""AuthorityId""));");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderCosts");

            migrationBuilder.DropTable(
                name: "UsageSummaries");

            migrationBuilder.DropColumn(
                name: "AllocationDriver",
                table: "CostCentres");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId",
                table: "Usage",
                column: "AuthorityId");

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

            migrationBuilder.CreateIndex(
                name: "IX_RechargeLines_AuthorityId",
                table: "RechargeLines",
                column: "AuthorityId");

            migrationBuilder.AddForeignKey(
                name: "FK_RechargeLines_Authorities_AuthorityId",
                table: "RechargeLines",
                column: "AuthorityId",
                principalTable: "Authorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RechargeLines_RechargeRuns_RechargeRunId",
                table: "RechargeLines",
                column: "RechargeRunId",
                principalTable: "RechargeRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Usage_Authorities_AuthorityId",
                table: "Usage",
                column: "AuthorityId",
                principalTable: "Authorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Usage_CostCentres_BuyerCostCentreId",
                table: "Usage",
                column: "BuyerCostCentreId",
                principalTable: "CostCentres",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Usage_ImportBatches_ImportBatchId",
                table: "Usage",
                column: "ImportBatchId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Usage_Offerings_OfferingId",
                table: "Usage",
                column: "OfferingId",
                principalTable: "Offerings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
