using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CostCentreId = table.Column<int>(type: "integer", nullable: true),
                    SupplierId = table.Column<int>(type: "integer", nullable: true),
                    Prefix = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApiTokens_CostCentres_CostCentreId",
                        column: x => x.CostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Via = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Action = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Before = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    After = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEntries_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SecurityStamp = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false),
                    ExternalSubject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserAccounts_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    UserAccountId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CostCentreId = table.Column<int>(type: "integer", nullable: true),
                    SupplierId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_CostCentres_CostCentreId",
                        column: x => x.CostCentreId,
                        principalTable: "CostCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_UserAccounts_UserAccountId",
                        column: x => x.UserAccountId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_AuthorityId",
                table: "ApiTokens",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_CostCentreId",
                table: "ApiTokens",
                column: "CostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SupplierId",
                table: "ApiTokens",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AuthorityId",
                table: "AuditEntries",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AuthorityId_At",
                table: "AuditEntries",
                columns: new[] { "AuthorityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_AuthorityId",
                table: "RoleAssignments",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_CostCentreId",
                table: "RoleAssignments",
                column: "CostCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_SupplierId",
                table: "RoleAssignments",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_UserAccountId",
                table: "RoleAssignments",
                column: "UserAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_AuthorityId",
                table: "UserAccounts",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_ExternalSubject",
                table: "UserAccounts",
                column: "ExternalSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_NormalizedEmail",
                table: "UserAccounts",
                column: "NormalizedEmail",
                unique: true);

            // Row-level security: a second wall behind the use cases' own filters. Every tenant table lets a
            // session see only the authority named in fairshare.authority_id (set by TenantSessionInterceptor),
            // unless fairshare.system is 'on' (migrations, the demo loader, finding who is signing in).
            // FORCE makes the policies bind the tables' owner too; only superusers and BYPASSRLS roles escape.
            migrationBuilder.Sql(@"
CREATE FUNCTION fairshare_can_see(authority integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('fairshare.system', true), '') = 'on'
      OR authority = nullif(current_setting('fairshare.authority_id', true), '')::integer
$$;");
            foreach (var table in new[] { "Directorates", "CostCentres", "Budgets", "Suppliers", "Offerings", "OfferingPrices", "ServiceLevels", "UserAccounts", "RoleAssignments", "ApiTokens", "AuditEntries" })
            {
                migrationBuilder.Sql($@"
ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING (fairshare_can_see(""AuthorityId"")) WITH CHECK (fairshare_can_see(""AuthorityId""));");
            }

            // The shared marketplace: offerings another authority lists, with their prices, service levels and
            // providing service, may be read (never written) by every authority.
            migrationBuilder.Sql(@"
CREATE POLICY marketplace_read ON ""Offerings"" FOR SELECT USING (""ListedOnMarketplace"");
CREATE POLICY marketplace_read ON ""OfferingPrices"" FOR SELECT USING (EXISTS (SELECT 1 FROM ""Offerings"" o WHERE o.""Id"" = ""OfferingId"" AND o.""ListedOnMarketplace""));
CREATE POLICY marketplace_read ON ""ServiceLevels"" FOR SELECT USING (EXISTS (SELECT 1 FROM ""Offerings"" o WHERE o.""Id"" = ""OfferingId"" AND o.""ListedOnMarketplace""));
CREATE POLICY marketplace_read ON ""CostCentres"" FOR SELECT USING (EXISTS (SELECT 1 FROM ""Offerings"" o WHERE o.""ProviderCostCentreId"" = ""CostCentres"".""Id"" AND o.""ListedOnMarketplace""));");

            // The audit log is appended to, never changed.
            migrationBuilder.Sql(@"
CREATE FUNCTION fairshare_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: entries are never updated or deleted.';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ""AuditEntries""
  FOR EACH ROW EXECUTE FUNCTION fairshare_audit_is_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_append_only ON ""AuditEntries""; DROP FUNCTION IF EXISTS fairshare_audit_is_append_only();");
            foreach (var table in new[] { "Directorates", "CostCentres", "Budgets", "Suppliers", "Offerings", "OfferingPrices", "ServiceLevels" })
            {
                migrationBuilder.Sql($@"DROP POLICY IF EXISTS tenant_isolation ON ""{table}""; DROP POLICY IF EXISTS marketplace_read ON ""{table}""; ALTER TABLE ""{table}"" NO FORCE ROW LEVEL SECURITY; ALTER TABLE ""{table}"" DISABLE ROW LEVEL SECURITY;");
            }
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS fairshare_can_see(integer);");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropTable(
                name: "UserAccounts");
        }
    }
}
