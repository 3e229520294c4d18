using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Budgets_CostCentreId_FinancialYearStart",
                table: "Budgets");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "Directorates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveTo",
                table: "Directorates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BudgetHolderId",
                table: "CostCentres",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedFrom",
                table: "CostCentres",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FundId",
                table: "CostCentres",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceLineCode",
                table: "CostCentres",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceLineName",
                table: "CostCentres",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProfilePence",
                table: "Budgets",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Version",
                table: "Budgets",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Original");

            migrationBuilder.CreateTable(
                name: "ColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DateFormat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ColumnMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ColumnMappings_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RingFenced = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Funds_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubjectiveCodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectiveCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectiveCodes_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CostCentres_BudgetHolderId",
                table: "CostCentres",
                column: "BudgetHolderId");

            migrationBuilder.CreateIndex(
                name: "IX_CostCentres_FundId",
                table: "CostCentres",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_CostCentreId_FinancialYearStart_Version",
                table: "Budgets",
                columns: new[] { "CostCentreId", "FinancialYearStart", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ColumnMappings_AuthorityId",
                table: "ColumnMappings",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ColumnMappings_AuthorityId_Name",
                table: "ColumnMappings",
                columns: new[] { "AuthorityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Funds_AuthorityId",
                table: "Funds",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Funds_AuthorityId_Code",
                table: "Funds",
                columns: new[] { "AuthorityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectiveCodes_AuthorityId",
                table: "SubjectiveCodes",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectiveCodes_AuthorityId_Code",
                table: "SubjectiveCodes",
                columns: new[] { "AuthorityId", "Code" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CostCentres_Funds_FundId",
                table: "CostCentres",
                column: "FundId",
                principalTable: "Funds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CostCentres_UserAccounts_BudgetHolderId",
                table: "CostCentres",
                column: "BudgetHolderId",
                principalTable: "UserAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.Sql(OrganisationImportSql.SplitCorporateKind);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OrganisationImportSql.JoinCorporateKind);

            migrationBuilder.DropForeignKey(
                name: "FK_CostCentres_Funds_FundId",
                table: "CostCentres");

            migrationBuilder.DropForeignKey(
                name: "FK_CostCentres_UserAccounts_BudgetHolderId",
                table: "CostCentres");

            migrationBuilder.DropTable(
                name: "ColumnMappings");

            migrationBuilder.DropTable(
                name: "Funds");

            migrationBuilder.DropTable(
                name: "SubjectiveCodes");

            migrationBuilder.DropIndex(
                name: "IX_CostCentres_BudgetHolderId",
                table: "CostCentres");

            migrationBuilder.DropIndex(
                name: "IX_CostCentres_FundId",
                table: "CostCentres");

            migrationBuilder.DropIndex(
                name: "IX_Budgets_CostCentreId_FinancialYearStart_Version",
                table: "Budgets");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "Directorates");

            migrationBuilder.DropColumn(
                name: "EffectiveTo",
                table: "Directorates");

            migrationBuilder.DropColumn(
                name: "BudgetHolderId",
                table: "CostCentres");

            migrationBuilder.DropColumn(
                name: "ClosedFrom",
                table: "CostCentres");

            migrationBuilder.DropColumn(
                name: "FundId",
                table: "CostCentres");

            migrationBuilder.DropColumn(
                name: "ServiceLineCode",
                table: "CostCentres");

            migrationBuilder.DropColumn(
                name: "ServiceLineName",
                table: "CostCentres");

            migrationBuilder.DropColumn(
                name: "ProfilePence",
                table: "Budgets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Budgets");

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_CostCentreId_FinancialYearStart",
                table: "Budgets",
                columns: new[] { "CostCentreId", "FinancialYearStart" },
                unique: true);
        }
    }
}
