using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UsageKeyedByRecordId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Usage",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_AuthorityId_RecordId",
                table: "Usage");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Usage");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Usage",
                table: "Usage",
                columns: new[] { "AuthorityId", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Usage",
                table: "Usage");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "Usage",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Usage",
                table: "Usage",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId_RecordId",
                table: "Usage",
                columns: new[] { "AuthorityId", "RecordId" },
                unique: true);
        }
    }
}
