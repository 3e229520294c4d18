using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
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
                name: "IX_Usage_AuthorityId_Date",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_AuthorityId_RecordId",
                table: "Usage");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Usage");

            migrationBuilder.AlterColumn<string>(
                name: "RecordId",
                table: "Usage",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Usage",
                table: "Usage",
                columns: new[] { "AuthorityId", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId_Date",
                table: "Usage",
                columns: new[] { "AuthorityId", "Date" })
                .Annotation("Npgsql:IndexMethod", "brin")
                .Annotation("Npgsql:StorageParameter:autosummarize", true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Usage",
                table: "Usage");

            migrationBuilder.DropIndex(
                name: "IX_Usage_AuthorityId_Date",
                table: "Usage");

            migrationBuilder.AlterColumn<string>(
                name: "RecordId",
                table: "Usage",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "Usage",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Usage",
                table: "Usage",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId_Date",
                table: "Usage",
                columns: new[] { "AuthorityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Usage_AuthorityId_RecordId",
                table: "Usage",
                columns: new[] { "AuthorityId", "RecordId" },
                unique: true);
        }
    }
}
