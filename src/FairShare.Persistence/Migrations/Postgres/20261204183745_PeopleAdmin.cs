using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeopleAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "UserAccounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "UserAccounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PasswordResetExpiresAt",
                table: "UserAccounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PasswordResetHash",
                table: "UserAccounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_PasswordResetHash",
                table: "UserAccounts",
                column: "PasswordResetHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserAccounts_PasswordResetHash",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "PasswordResetExpiresAt",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "PasswordResetHash",
                table: "UserAccounts");
        }
    }
}
