using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TwoPersonRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreparedById",
                table: "RechargeRuns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RechargeDryRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PreparedById = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeDryRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargeDryRuns_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RechargeDryRuns_AuthorityId",
                table: "RechargeDryRuns",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeDryRuns_AuthorityId_FinancialYearStart_PeriodNumber",
                table: "RechargeDryRuns",
                columns: new[] { "AuthorityId", "FinancialYearStart", "PeriodNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RechargeDryRuns");

            migrationBuilder.DropColumn(
                name: "PreparedById",
                table: "RechargeRuns");
        }
    }
}
