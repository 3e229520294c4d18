using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_AuthorityId_Kind_ContentHash",
                table: "ImportBatches");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "ImportBatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnPeriods",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_AuthorityId_Kind_ContentHash",
                table: "ImportBatches",
                columns: new[] { "AuthorityId", "Kind", "ContentHash" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_AuthorityId_Kind_ContentHash",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "WithdrawnPeriods",
                table: "ImportBatches");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_AuthorityId_Kind_ContentHash",
                table: "ImportBatches",
                columns: new[] { "AuthorityId", "Kind", "ContentHash" },
                unique: true);
        }
    }
}
