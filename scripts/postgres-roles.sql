-- FairShare on PostgreSQL: two roles, so that the application owns nothing.
--
--   fairshare_owner  owns the tables. Runs the migrations (Database:MigrationConnectionString) and `fairshare demo`.
--                    Only this role, and superusers, may switch on "system" work that sees every authority.
--   fairshare_app    what the web app and the CLI connect as (Database:ConnectionString). Reads and writes what it
--                    needs, appends to the ledger and the audit log but never changes or empties them, cannot
--                    disable a trigger or a policy, and sees one authority at a time.
--
-- Run as a superuser, connected to FairShare's database (create it first: CREATE DATABASE fairshare), before the
-- first migration or after it; it may be run again and changes nothing that is already right:
--
--   psql -v ON_ERROR_STOP=1 -d fairshare -f scripts/postgres-roles.sql
--
-- then give both roles passwords (ALTER ROLE fairshare_owner PASSWORD '...'; ALTER ROLE fairshare_app PASSWORD '...').
-- If an earlier FairShare made its tables as another role, hand them over first:
--   REASSIGN OWNED BY that_role TO fairshare_owner;
-- The tables are in the schema public (FairShare's migrations put them there).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fairshare_owner') THEN
    CREATE ROLE fairshare_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fairshare_app') THEN
    CREATE ROLE fairshare_app LOGIN;
  END IF;
END $$;
ALTER ROLE fairshare_owner NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
ALTER ROLE fairshare_app NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
-- The app must not be the owner, or a member of it: membership is what "system" work is checked against.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_auth_members WHERE roleid = 'fairshare_owner'::regrole AND member = 'fairshare_app'::regrole) THEN
    REVOKE fairshare_owner FROM fairshare_app;
  END IF;
END $$;

-- Connecting, and temporary tables (imports stage their rows in them).
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO fairshare_owner, fairshare_app', current_database());
END $$;

-- Only the owner creates anything in the schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO fairshare_owner;
GRANT USAGE ON SCHEMA public TO fairshare_app;
REVOKE CREATE ON SCHEMA public FROM fairshare_app;

-- What the owner's migrations create from now on: the app may read and change rows (no TRUNCATE, TRIGGER or
-- REFERENCES) and use the sequences. The migrations themselves then take UPDATE and DELETE on the ledger and the
-- audit log back (migration AppRoleOwnsNothing, and any later one that adds such a table), and give a usage
-- partition only INSERT.
ALTER DEFAULT PRIVILEGES FOR ROLE fairshare_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fairshare_app;
ALTER DEFAULT PRIVILEGES FOR ROLE fairshare_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO fairshare_app;

-- What is there already.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fairshare_app;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM fairshare_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fairshare_app;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.oid::regclass AS name, c.relname,
                  EXISTS (SELECT FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                          WHERE i.inhrelid = c.oid AND p.relname = 'Usage' AND p.relnamespace = c.relnamespace) AS usage_partition
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LOOP
    IF t.relname IN ('AuditEntries', 'JournalEntries', 'Postings', 'JournalBatches', 'JournalBatchEvents', 'RechargeDryRuns') THEN
      -- The ledger and the audit log: appended to and read, never changed.
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM fairshare_app', t.name);
    ELSIF t.relname = '__EFMigrationsHistory' THEN
      EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM fairshare_app', t.name);
    ELSIF t.usage_partition THEN
      -- A partition has no policy of its own: imports COPY into it, and everything else goes through Usage.
      EXECUTE format('REVOKE ALL ON %s FROM fairshare_app', t.name);
      EXECUTE format('GRANT INSERT ON %s TO fairshare_app', t.name);
    END IF;
  END LOOP;
END $$;
