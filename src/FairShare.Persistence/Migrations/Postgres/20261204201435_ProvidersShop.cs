using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvidersShop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfferingPrices_OfferingId_FinancialYearStart",
                table: "OfferingPrices");

            migrationBuilder.AddColumn<int>(
                name: "CompleteWithinWorkingDays",
                table: "Offerings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HoursOfCover",
                table: "Offerings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "NoticeMonths",
                table: "Offerings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RespondWithinWorkingDays",
                table: "Offerings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnFrom",
                table: "Offerings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPeriod",
                table: "OfferingPrices",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "OfferingPrices",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "OfferingPrices",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Published");

            migrationBuilder.CreateTable(
                name: "ChargingClassChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    OfferingId = table.Column<int>(type: "integer", nullable: false),
                    ChargingClass = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargingClassChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargingClassChanges_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChargingClassChanges_Offerings_OfferingId",
                        column: x => x.OfferingId,
                        principalTable: "Offerings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfferingPrices_OfferingId_FinancialYearStart_FromPeriod",
                table: "OfferingPrices",
                columns: new[] { "OfferingId", "FinancialYearStart", "FromPeriod" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargingClassChanges_AuthorityId",
                table: "ChargingClassChanges",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingClassChanges_OfferingId_EffectiveFrom",
                table: "ChargingClassChanges",
                columns: new[] { "OfferingId", "EffectiveFrom" },
                unique: true);

            // Row-level security as on every tenant table (kept in RowLevelSecurity.EnableFor for regeneration).
            migrationBuilder.Sql(RowLevelSecurity.EnableFor("ChargingClassChanges"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChargingClassChanges");

            migrationBuilder.DropIndex(
                name: "IX_OfferingPrices_OfferingId_FinancialYearStart_FromPeriod",
                table: "OfferingPrices");

            migrationBuilder.DropColumn(
                name: "CompleteWithinWorkingDays",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "HoursOfCover",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "NoticeMonths",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "RespondWithinWorkingDays",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "WithdrawnFrom",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "FromPeriod",
                table: "OfferingPrices");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "OfferingPrices");

            migrationBuilder.DropColumn(
                name: "State",
                table: "OfferingPrices");

            migrationBuilder.CreateIndex(
                name: "IX_OfferingPrices_OfferingId_FinancialYearStart",
                table: "OfferingPrices",
                columns: new[] { "OfferingId", "FinancialYearStart" },
                unique: true);
        }
    }
}
