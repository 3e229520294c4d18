using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FairShare.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Usage is partitioned by authority, so that an import can write its rows by COPY straight into its
    /// authority's partition. PostgreSQL refuses COPY FROM into a table under row-level security, so until now the
    /// rows went into a temporary table and then into Usage by INSERT … SELECT, which PostgreSQL 15 writes row by
    /// row, costing more server CPU and write-ahead log than COPY straight into a partition (figures in
    /// docs/recharge.md).
    /// <para>
    /// The wall between authorities stands where it did. Every query names Usage, whose policy binds every
    /// partition read or written through it. A partition has no policy of its own (COPY would refuse it), but
    /// its constraint admits only its own authority's rows, and FairShare writes into a partition only by that
    /// COPY, only for the session's own authority (<see cref="Ledger.BulkUsage"/>).
    /// </para>
    /// <para>
    /// Each authority gets its partition when it is created (a trigger on Authorities). Roles that may insert
    /// into Usage may insert into the partition, and nothing more: reading goes through Usage. The function that
    /// creates it runs as Usage's owner, so an application role that does not own the tables can add authorities.
    /// </para>
    /// </summary>
    public partial class UsagePartitionedByAuthority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // (The rows are moved as the system: the policies hide every row from a session without an authority.)
            migrationBuilder.Sql($@"
SET LOCAL fairshare.system = 'on';
ALTER TABLE ""Usage"" RENAME TO ""Usage_unpartitioned"";
ALTER TABLE ""Usage_unpartitioned"" RENAME CONSTRAINT ""PK_Usage"" TO ""PK_Usage_unpartitioned"";
ALTER INDEX ""IX_Usage_AuthorityId_Date"" RENAME TO ""IX_Usage_unpartitioned_AuthorityId_Date"";
CREATE TABLE ""Usage"" (LIKE ""Usage_unpartitioned"" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY LIST (""AuthorityId"");
ALTER TABLE ""Usage"" ADD CONSTRAINT ""PK_Usage"" PRIMARY KEY (""AuthorityId"", ""RecordId"");
CREATE INDEX ""IX_Usage_AuthorityId_Date"" ON ""Usage"" USING brin (""AuthorityId"", ""Date"") WITH (autosummarize = true);
ALTER TABLE ""Usage"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""Usage"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Usage"" USING ({RowLevelSecurity.TenantRule}) WITH CHECK ({RowLevelSecurity.TenantRule});
DO $$
DECLARE g record;
BEGIN
  FOR g IN SELECT grantee, privilege_type FROM information_schema.role_table_grants
           WHERE table_schema = current_schema() AND table_name = 'Usage_unpartitioned' AND grantee <> current_user LOOP
    EXECUTE format('GRANT %s ON ""Usage"" TO %s', g.privilege_type, CASE WHEN g.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(g.grantee) END);
  END LOOP;
END $$;

CREATE FUNCTION fairshare_usage_partition(authority integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $f$
DECLARE
  partition text := 'Usage_' || authority;
  g record;
BEGIN
  IF to_regclass(quote_ident(partition)) IS NOT NULL THEN
    RETURN;
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF ""Usage"" FOR VALUES IN (%s)', partition, authority);
  FOR g IN SELECT grantee FROM information_schema.role_table_grants
           WHERE table_schema = current_schema() AND table_name = 'Usage' AND privilege_type = 'INSERT' AND grantee <> current_user LOOP
    EXECUTE format('GRANT INSERT ON %I TO %s', partition, CASE WHEN g.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(g.grantee) END);
  END LOOP;
END $f$;
CREATE FUNCTION fairshare_authority_usage_partition() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM fairshare_usage_partition(NEW.""Id"");
  RETURN NEW;
END $f$;
CREATE TRIGGER usage_partition AFTER INSERT ON ""Authorities"" FOR EACH ROW EXECUTE FUNCTION fairshare_authority_usage_partition();
SELECT fairshare_usage_partition(""Id"") FROM ""Authorities"";
INSERT INTO ""Usage"" SELECT * FROM ""Usage_unpartitioned"";
DROP TABLE ""Usage_unpartitioned"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($@"
SET LOCAL fairshare.system = 'on';
DROP TRIGGER usage_partition ON ""Authorities"";
DROP FUNCTION fairshare_authority_usage_partition();
DROP FUNCTION fairshare_usage_partition(integer);
ALTER TABLE ""Usage"" RENAME TO ""Usage_partitioned"";
ALTER TABLE ""Usage_partitioned"" RENAME CONSTRAINT ""PK_Usage"" TO ""PK_Usage_partitioned"";
ALTER INDEX ""IX_Usage_AuthorityId_Date"" RENAME TO ""IX_Usage_partitioned_AuthorityId_Date"";
CREATE TABLE ""Usage"" (LIKE ""Usage_partitioned"" INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE ""Usage"" ADD CONSTRAINT ""PK_Usage"" PRIMARY KEY (""AuthorityId"", ""RecordId"");
CREATE INDEX ""IX_Usage_AuthorityId_Date"" ON ""Usage"" USING brin (""AuthorityId"", ""Date"") WITH (autosummarize = true);
ALTER TABLE ""Usage"" ENABLE ROW LEVEL SECURITY;
ALTER TABLE ""Usage"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Usage"" USING ({RowLevelSecurity.TenantRule}) WITH CHECK ({RowLevelSecurity.TenantRule});
INSERT INTO ""Usage"" SELECT * FROM ""Usage_partitioned"";
DROP TABLE ""Usage_partitioned"";");
        }
    }
}
