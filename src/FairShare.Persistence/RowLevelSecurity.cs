namespace FairShare.Persistence;

/// <summary>
/// PostgreSQL's row-level security for tenant tables, as the migrations write it. A session sees and writes the
/// rows of the authority in fairshare.authority_id (set by <see cref="TenantSessionInterceptor"/>), or every
/// row when fairshare.system is 'on'. The settings are read through scalar sub-selects, which PostgreSQL
/// evaluates once per statement; a function of the row's column would be called again on every row.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>The session's settings as functions (created by migration TenantPoliciesEvaluatedOnce).</summary>
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

    /// <summary>Row-level security for a new tenant table, as a migration adds it (ChargingClassChanges, migration ProvidersShop).</summary>
    public static string EnableFor(string table) => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON "{table}" USING ({TenantRule}) WITH CHECK ({TenantRule});
        """;
}
