using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    BuyerCostCentreId = table.Column<int>(type: "integer", nullable: false),
                    OfferingId = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_CostCentres_BuyerCostCentreId",
                        column: x => x.BuyerCostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Offerings_OfferingId",
                        column: x => x.OfferingId,
                        principalTable: "Offerings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_AuthorityId",
                table: "ServiceOrders",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_AuthorityId_FinancialYearStart_BuyerCostCentr~",
                table: "ServiceOrders",
                columns: new[] { "AuthorityId", "FinancialYearStart", "BuyerCostCentreId", "OfferingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_BuyerCostCentreId",
                table: "ServiceOrders",
                column: "BuyerCostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_OfferingId",
                table: "ServiceOrders",
                column: "OfferingId");

            migrationBuilder.Sql(@"
ALTER TABLE ""ServiceOrders"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""ServiceOrders"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""ServiceOrders"" USING (fairshare_can_see(""AuthorityId"")) WITH CHECK (fairshare_can_see(""AuthorityId""));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceOrders");
        }
    }
}
