using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DisabledAt",
                table: "UserAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSignInAt",
                table: "UserAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PasswordResetExpiresAt",
                table: "UserAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PasswordResetHash",
                table: "UserAccounts",
                type: "TEXT",
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
