namespace FairShare.Persistence.Ledger;

/// <summary>
/// The ledger's and the audit log's tables, which are appended to and never changed, and the SQLite triggers that
/// hold them so (as migration LedgerSeal leaves them; PostgreSQL's are in the earlier migrations and the
/// application's role may not UPDATE, DELETE or TRUNCATE them at all: <see cref="PostgresAppendOnly"/> and
/// scripts/postgres-roles.sql).
/// <para>
/// SQLite's <c>INSERT OR REPLACE</c> and <c>REPLACE INTO</c> delete a row that holds the same key and insert the new
/// one, and that delete fires no DELETE trigger (unless <c>recursive_triggers</c> is on in the connection, which
/// a sqlite3 shell does not set). So each table also refuses, before the insert, a row whose primary key or any
/// unique key is there already: the refusal reads "UNIQUE constraint failed", as the index's own would, so a
/// second "sent" mark is still recognised as one (<see cref="BulkInsert.IsUniqueViolation"/>).
/// </para>
/// </summary>
public static class AppendOnlyTables
{
    /// <summary>(table, message for UPDATE or DELETE, the unique keys besides Id).</summary>
    public static readonly IReadOnlyList<(string Table, string Message, string[][] UniqueKeys)> Sqlite =
    [
        ("AuditEntries", "The audit log is append-only: entries are never updated or deleted.", [["AuthorityId", "Sequence"]]),
        ("JournalEntries", "Posted journals are immutable: correct them with a reversing transaction.", [["AuthorityId", "Sequence"]]),
        ("Postings", "Posted journals are immutable: correct them with a reversing transaction.", []),
        ("JournalBatches", "Journal batches and their events are append-only: a batch sent to the ledger stays sent.", [["RechargeRunId", "Kind"]]),
        ("JournalBatchEvents", "Journal batches and their events are append-only: a batch sent to the ledger stays sent.", [["JournalBatchId", "Kind"]]),
    ];

    private static readonly string[] IdKey = ["Id"];
    private static readonly string[] ChainTables = ["JournalEntries", "AuditEntries"];

    /// <summary>The names SQLite's triggers have had since the migrations that made them.</summary>
    public static string UpdateTrigger(string table) => table switch
    {
        "AuditEntries" => "audit_no_update",
        "JournalEntries" or "Postings" => $"{table}_no_update",
        _ => $"{table.ToLowerInvariant()}_no_update",
    };

    public static string DeleteTrigger(string table) => UpdateTrigger(table).Replace("_no_update", "_no_delete", StringComparison.Ordinal);

    public static string InsertTrigger(string table) => $"{table.ToLowerInvariant()}_no_replace";

    /// <summary>SQLite: the three triggers of every append-only table (without the INSERT one: as they were before migration LedgerSeal).</summary>
    public static string CreateSqliteTriggers(bool withInsert = true)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var (table, message, keys) in Sqlite)
        {
            var exists = string.Join(" OR ", keys.Prepend(IdKey).Select(key =>
                $"EXISTS (SELECT 1 FROM \"{table}\" WHERE {string.Join(" AND ", key.Select(c => $"\"{c}\" = NEW.\"{c}\""))})"));
            sql.Append($"CREATE TRIGGER {UpdateTrigger(table)} BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{message}'); END;\n");
            sql.Append($"CREATE TRIGGER {DeleteTrigger(table)} BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{message}'); END;\n");
            if (!withInsert)
            {
                continue;
            }
            sql.Append($"CREATE TRIGGER {InsertTrigger(table)} BEFORE INSERT ON \"{table}\" WHEN {exists} BEGIN SELECT RAISE(ABORT, "
                + $"'UNIQUE constraint failed: {table} is append-only, and a row with this key is there already (REPLACE would delete it).'); END;\n");
        }
        return sql.ToString();
    }

    /// <summary>SQLite: drops them (to seal rows written before the seals, in one transaction with their re-creation).</summary>
    public static string DropSqliteTriggers(bool withInsert = true) => string.Concat(Sqlite.Select(t =>
        $"DROP TRIGGER IF EXISTS {UpdateTrigger(t.Table)}; DROP TRIGGER IF EXISTS {DeleteTrigger(t.Table)};"
        + (withInsert ? $" DROP TRIGGER IF EXISTS {InsertTrigger(t.Table)};" : "") + "\n"));

    /// <summary>PostgreSQL: the append-only triggers by table (migrations AccessAndAudit, LedgerAndRecharge, JournalBatches).</summary>
    public static readonly IReadOnlyList<(string Table, string Trigger)> Postgres =
    [
        ("AuditEntries", "audit_append_only"),
        ("JournalEntries", "journal_immutable"),
        ("Postings", "postings_immutable"),
        ("JournalBatches", "journalbatches_append_only"),
        ("JournalBatchEvents", "journalbatchevents_append_only"),
    ];

    /// <summary>
    /// PostgreSQL: the tables on which no role but the owner may UPDATE, DELETE or TRUNCATE (the ones with triggers,
    /// and the dry runs the two-person rule rests on). Default privileges (scripts/postgres-roles.sql) grant the
    /// application's role every change on a new table, so a migration that adds an append-only table adds it here
    /// and runs <see cref="RevokePostgresChanges"/> again.
    /// </summary>
    public static readonly IReadOnlyList<string> PostgresAppendOnly = [.. Postgres.Select(t => t.Table), "RechargeDryRuns"];

    /// <summary>
    /// PostgreSQL: takes UPDATE, DELETE and TRUNCATE on the append-only tables, and every change to the migration
    /// history, from every role but the tables' owner (run by the owner, in a migration).
    /// </summary>
    public static string RevokePostgresChanges() => $"""
        DO $d$
        DECLARE g record;
        BEGIN
          FOR g IN SELECT DISTINCT c.relname, a.grantee,
                          CASE WHEN c.relname = '__EFMigrationsHistory' THEN 'INSERT, UPDATE, DELETE, TRUNCATE' ELSE 'UPDATE, DELETE, TRUNCATE' END AS privileges
                   FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
                   WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND a.grantee <> c.relowner
                     AND c.relname IN ({string.Join(", ", PostgresAppendOnly.Append("__EFMigrationsHistory").Select(t => $"'{t}'"))}) LOOP
            EXECUTE format('REVOKE %s ON %I FROM %s', g.privileges, g.relname,
                           CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
          END LOOP;
        END $d$;

        """;

    /// <summary>PostgreSQL: switches the append-only triggers off or on, in the migration's transaction (the tables' owner only).</summary>
    public static string SetPostgresTriggers(bool enabled) => string.Concat(Postgres.Select(t =>
        $"ALTER TABLE \"{t.Table}\" {(enabled ? "ENABLE" : "DISABLE")} TRIGGER {t.Trigger};\n"));

    /// <summary>
    /// Numbers the journals and audit entries written before migration LedgerSeal in each authority's chain, in
    /// the order they were written (by id), so the unique (authority, sequence) index can be built; the seals
    /// follow in <see cref="LedgerSeal.SealExistingAsync"/>. The same SQL on both databases.
    /// </summary>
    public static string NumberExistingRows() => string.Concat(ChainTables.Select(table => $"""
        UPDATE "{table}" SET "Sequence" = n.rn
        FROM (SELECT "Id", row_number() OVER (PARTITION BY "AuthorityId" ORDER BY "Id") AS rn FROM "{table}") AS n
        WHERE n."Id" = "{table}"."Id";

        """));
}
