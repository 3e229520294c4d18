using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The application connects as a role that owns nothing (scripts/postgres-roles.sql), and this migration, run
    /// by the owner, makes what that role is granted the limit of what it can do:
    /// <list type="bullet">
    /// <item>"System" — every authority's rows — needs fairshare.system 'on' and membership of the tables' owner
    /// (<see cref="RowLevelSecurity.SystemFromOwnerRole"/>): any role can SET a custom setting. Signing in still finds
    /// accounts before it knows the authority, so with the setting a session may read (not write) the accounts,
    /// their roles and the API tokens (<see cref="RowLevelSecurity.AccountLookupPolicies"/>).</item>
    /// <item>No role but the owner may UPDATE, DELETE or TRUNCATE the ledger and the audit log, or change the
    /// migration history, whatever default privileges granted (<see cref="Ledger.AppendOnlyTables.RevokePostgresChanges"/>).</item>
    /// <item>A usage partition has no policy of its own, so the roles that may insert into Usage get INSERT on it and
    /// nothing else: default privileges would otherwise let them read every authority's usage through it.</item>
    /// </list>
    /// </summary>
    public partial class AppRoleOwnsNothing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowLevelSecurity.SystemFromOwnerRole);
            migrationBuilder.Sql(RowLevelSecurity.AccountLookupPolicies());
            migrationBuilder.Sql(Ledger.AppendOnlyTables.RevokePostgresChanges());
            migrationBuilder.Sql(@"
CREATE OR REPLACE FUNCTION fairshare_usage_partition(authority integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $f$
DECLARE
  partition text := 'Usage_' || authority;
  g record;
BEGIN
  IF to_regclass(quote_ident(partition)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF ""Usage"" FOR VALUES IN (%s)', partition, authority);
  END IF;
  FOR g IN SELECT DISTINCT a.grantee FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
           WHERE c.oid = quote_ident(partition)::regclass AND a.grantee <> c.relowner LOOP
    EXECUTE format('REVOKE ALL ON %I FROM %s', partition, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
  END LOOP;
  FOR g IN SELECT DISTINCT a.grantee FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
           WHERE c.oid = '""Usage""'::regclass AND a.grantee <> c.relowner AND a.privilege_type = 'INSERT' LOOP
    EXECUTE format('GRANT INSERT ON %I TO %s', partition, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
  END LOOP;
END $f$;
DO $d$ BEGIN
  EXECUTE format('ALTER FUNCTION fairshare_usage_partition(integer) SET search_path = %I, pg_temp', current_schema());
END $d$;
SELECT fairshare_usage_partition(""Id"") FROM ""Authorities"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The revoked privileges and the narrowed partitions stay as they are: granting them again is the
            // administrator's choice (scripts/postgres-roles.sql), not a migration's.
            migrationBuilder.Sql(RowLevelSecurity.DropAccountLookupPolicies());
            migrationBuilder.Sql(RowLevelSecurity.SystemFromSettingAlone);
        }
    }
}
