using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitAndSuppliers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractEnd",
                table: "Suppliers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractReference",
                table: "Suppliers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractStart",
                table: "Suppliers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SupplierSelfService",
                table: "Authorities",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContractEnd",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "ContractReference",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "ContractStart",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "SupplierSelfService",
                table: "Authorities");
        }
    }
}
