using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RechargeDryRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PreparedById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PreparedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Figures = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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

            // Row-level security as on every tenant table.
            migrationBuilder.Sql($@"
ALTER TABLE ""RechargeDryRuns"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""RechargeDryRuns"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""RechargeDryRuns"" USING ({RowLevelSecurity.TenantRule}) WITH CHECK ({RowLevelSecurity.TenantRule});");
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
