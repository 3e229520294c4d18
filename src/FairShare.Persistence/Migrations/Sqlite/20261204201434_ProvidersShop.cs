using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HoursOfCover",
                table: "Offerings",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "NoticeMonths",
                table: "Offerings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RespondWithinWorkingDays",
                table: "Offerings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnFrom",
                table: "Offerings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPeriod",
                table: "OfferingPrices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "OfferingPrices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "OfferingPrices",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Published");

            migrationBuilder.CreateTable(
                name: "ChargingClassChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargingClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
