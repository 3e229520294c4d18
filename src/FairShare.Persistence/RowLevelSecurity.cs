namespace FairShare.Persistence;

/// <summary>
/// PostgreSQL's row-level security for tenant tables, as the migrations write it. A session sees and writes the
/// rows of the authority in fairshare.authority_id (set by <see cref="TenantSessionInterceptor"/>), or every
/// row when fairshare.system is 'on' and the session's role is a member of the role that owns the tables (the one
/// that runs migrations: migration AppRoleOwnsNothing). Any role may SET a custom setting, so the setting alone
/// gives nothing to an application role that owns nothing (scripts/postgres-roles.sql); to such a role it opens
/// only the accounts, their roles and the API tokens' hashes, for reading, which signing in must find before the
/// authority is known. The settings are read through scalar sub-selects, which PostgreSQL evaluates once per
/// statement; a function of the row's column would be called again on every row.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>The session's settings as functions, as migration TenantPoliciesEvaluatedOnce created them (<see cref="SystemFromOwnerRole"/> replaces the first).</summary>
    public const string SessionFunctions = """
        CREATE FUNCTION fairshare_session_is_system() RETURNS boolean LANGUAGE sql STABLE AS
          $f$ SELECT coalesce(current_setting('fairshare.system', true), '') = 'on' $f$;
        CREATE FUNCTION fairshare_session_authority() RETURNS integer LANGUAGE sql STABLE AS
          $f$ SELECT nullif(current_setting('fairshare.authority_id', true), '')::integer $f$;
        """;

    /// <summary>
    /// The rule every tenant table's policy applies to a row, reading and writing; a new tenant table gets
    /// <c>CREATE POLICY tenant_isolation ON … USING (rule) WITH CHECK (rule)</c> after enabling and forcing RLS.
    /// </summary>
    public const string TenantRule = """(SELECT fairshare_session_is_system()) OR "AuthorityId" = (SELECT fairshare_session_authority())""";

    /// <summary>
    /// "System" needs the setting and membership of the tables' owner (superusers are members of every role). The
    /// search path is fixed, with pg_temp last, so that a temporary table named "AuditEntries" cannot stand in for
    /// the real one and make its creator the owner (migration AppRoleOwnsNothing).
    /// </summary>
    public const string SystemFromOwnerRole = """
        CREATE OR REPLACE FUNCTION fairshare_session_is_system() RETURNS boolean LANGUAGE sql STABLE AS
          $f$ SELECT coalesce(current_setting('fairshare.system', true), '') = 'on'
                 AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = '"AuditEntries"'::regclass), 'MEMBER') $f$;
        DO $d$ BEGIN
          EXECUTE format('ALTER FUNCTION fairshare_session_is_system() SET search_path = %I, pg_temp', current_schema());
        END $d$;
        """;

    /// <summary>Today's rule, which trusted the setting alone (migration AppRoleOwnsNothing's Down).</summary>
    public const string SystemFromSettingAlone = """
        CREATE OR REPLACE FUNCTION fairshare_session_is_system() RETURNS boolean LANGUAGE sql STABLE AS
          $f$ SELECT coalesce(current_setting('fairshare.system', true), '') = 'on' $f$;
        """;

    /// <summary>The tables that signing in reads across authorities, by the setting alone and only for reading.</summary>
    public static readonly IReadOnlyList<string> AccountTables = ["UserAccounts", "RoleAssignments", "ApiTokens"];

    /// <summary>Policies that let a session with fairshare.system 'on' read (never write) every authority's accounts.</summary>
    public static string AccountLookupPolicies() => """
        CREATE FUNCTION fairshare_session_finds_accounts() RETURNS boolean LANGUAGE sql STABLE AS
          $f$ SELECT coalesce(current_setting('fairshare.system', true), '') = 'on' $f$;

        """ + string.Concat(AccountTables.Select(t =>
        $"CREATE POLICY account_lookup ON \"{t}\" FOR SELECT USING ((SELECT fairshare_session_finds_accounts()));\n"));

    public static string DropAccountLookupPolicies() =>
        string.Concat(AccountTables.Select(t => $"DROP POLICY IF EXISTS account_lookup ON \"{t}\";\n"))
        + "DROP FUNCTION IF EXISTS fairshare_session_finds_accounts();\n";

    /// <summary>Row-level security for a new tenant table, as a migration adds it (ChargingClassChanges, migration ProvidersShop).</summary>
    public static string EnableFor(string table) => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON "{table}" USING ({TenantRule}) WITH CHECK ({TenantRule});
        """;
}
