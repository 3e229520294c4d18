using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    BuyerCostCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
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
                name: "IX_ServiceOrders_AuthorityId_FinancialYearStart_BuyerCostCentreId_OfferingId",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceOrders");
        }
    }
}
