using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The tenant policies read the session's authority once per statement, not once per row. PostgreSQL
    /// evaluated fairshare_can_see("AuthorityId") — two current_setting calls — on every row a statement read
    /// or wrote, so an import as the application's role cost the server clearly more than as a superuser, whom
    /// the policies do not bind. A scalar sub-select is evaluated once, as an initial plan, which closes most of
    /// that gap (figures in docs/recharge.md). Same rule, same tables; new tenant
    /// tables take <see cref="RowLevelSecurity.TenantRule"/>.
    /// </summary>
    public partial class TenantPoliciesEvaluatedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($@"
{RowLevelSecurity.SessionFunctions}
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = current_schema() AND policyname = 'tenant_isolation' LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING ({RowLevelSecurity.TenantRule}) WITH CHECK ({RowLevelSecurity.TenantRule})', t.tablename);
  END LOOP;
END $$;
DROP FUNCTION fairshare_can_see(integer);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
CREATE FUNCTION fairshare_can_see(authority integer) RETURNS boolean
LANGUAGE sql STABLE AS $f$
  SELECT coalesce(current_setting('fairshare.system', true), '') = 'on'
      OR authority = nullif(current_setting('fairshare.authority_id', true), '')::integer
$f$;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = current_schema() AND policyname = 'tenant_isolation' LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (fairshare_can_see(""AuthorityId"")) WITH CHECK (fairshare_can_see(""AuthorityId""))', t.tablename);
  END LOOP;
END $$;
DROP FUNCTION fairshare_session_is_system();
DROP FUNCTION fairshare_session_authority();");
        }
    }
}
