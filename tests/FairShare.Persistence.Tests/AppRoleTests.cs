using System.Text;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Ledger;
using FairShare.Features.Recharge;
using FairShare.Features.Tests;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FairShare.Persistence.Tests;

/// <summary>
/// A fresh database with the two roles of scripts/postgres-roles.sql (under names of its own: roles belong to the
/// server, not the database), migrated and loaded with the demo as the owner, used by the application as the app role.
/// </summary>
public sealed class AppRoleDatabase : DatabaseFixture
{
    private readonly string _name = "fairshare_roles_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public string OwnerRole => "fairshare_owner_" + _suffix;
    public string AppRole => "fairshare_app_" + _suffix;

    public string Superuser => new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Database = _name, Pooling = false }.ConnectionString;
    public string OwnerConnection => As(OwnerRole);
    public string AppConnection => As(AppRole);

    public override DatabaseOptions Options => new() { Provider = "Postgres", ConnectionString = AppConnection, MigrationConnectionString = OwnerConnection };

    private string As(string role) => new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Database = _name, Username = role }.ConnectionString;

    /// <summary>The script as the README tells an administrator to run it, with this fixture's role names.</summary>
    public static string Script(string owner, string app) => File.ReadAllText(ScriptPath)
        .Replace("fairshare_owner", owner, StringComparison.Ordinal)
        .Replace("fairshare_app", app, StringComparison.Ordinal);

    public static string ScriptPath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "FairShare.slnx")))
                {
                    return Path.Combine(folder.FullName, "scripts", "postgres-roles.sql");
                }
            }
            throw new FileNotFoundException("FairShare.slnx is not above the test's folder.");
        }
    }

    public override async Task InitializeAsync()
    {
        await ExecuteAsync(PostgresDatabase.Server, $"CREATE DATABASE \"{_name}\"");
        await ExecuteAsync(Superuser, Script(OwnerRole, AppRole));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(PostgresDatabase.Server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE); DROP ROLE IF EXISTS {AppRole}; DROP ROLE IF EXISTS {OwnerRole};");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The ledger and the audit log are append-only in fact on PostgreSQL: the role the application connects as owns
/// nothing, so it cannot empty, change or unlock them, and the "system" setting gives it no other authority's rows.
/// Each refusal must be PostgreSQL's own "permission denied" or "must be owner" (42501), not the append-only
/// triggers, which bind the owner too; and the application still imports and runs its month end as that role.
/// </summary>
public sealed class AppRoleTests(AppRoleDatabase database) : IClassFixture<AppRoleDatabase>
{
    private const string InsufficientPrivilege = "42501";

    public static TheoryData<string> AppendOnly => [.. AppendOnlyTables.PostgresAppendOnly];

    public static TheoryData<string, string> Triggers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (table, trigger) in AppendOnlyTables.Postgres)
            {
                data.Add(table, trigger);
            }
            return data;
        }
    }

    private async Task<NpgsqlConnection> AppAsync()
    {
        var connection = new NpgsqlConnection(database.AppConnection);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs one statement as the app in a transaction that is rolled back, and gives PostgreSQL's error code (null when it ran).</summary>
    private async Task<string?> RefusalAsync(string sql)
    {
        await using var connection = await AppAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    private async Task<List<string>> TablesAsync(string where)
    {
        await using var connection = await AppAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND {where} ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    private Task<List<string>> TenantTablesAsync() =>
        TablesAsync("EXISTS (SELECT FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname = 'tenant_isolation')");

    [Fact]
    public async Task TheAppRole_CannotTruncateAnyTable()
    {
        var tables = await TablesAsync("true");
        Assert.Superset(AppendOnlyTables.PostgresAppendOnly.ToHashSet(), tables.ToHashSet());
        foreach (var table in tables)
        {
            Assert.True(InsufficientPrivilege == await RefusalAsync($"TRUNCATE \"{table}\" CASCADE"), $"TRUNCATE {table}");
        }
    }

    [Theory]
    [MemberData(nameof(AppendOnly))]
    public async Task TheAppRole_MayNotUpdateOrDeleteTheLedgerOrTheAuditLog(string table)
    {
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"UPDATE \"{table}\" SET \"Id\" = \"Id\""));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DELETE FROM \"{table}\""));
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public async Task TheAppRole_CannotDisableOrDropTheAppendOnlyTriggers(string table, string trigger)
    {
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"ALTER TABLE \"{table}\" DISABLE TRIGGER {trigger}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"ALTER TABLE \"{table}\" DISABLE TRIGGER ALL"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DROP TRIGGER {trigger} ON \"{table}\""));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync("SET session_replication_role = replica"));
    }

    [Fact]
    public async Task TheAppRole_CannotLiftRowLevelSecurity()
    {
        var tables = await TenantTablesAsync();
        Assert.Contains("AuditEntries", tables);
        Assert.Contains("Usage", tables);
        foreach (var table in tables)
        {
            Assert.True(InsufficientPrivilege == await RefusalAsync($"ALTER TABLE \"{table}\" NO FORCE ROW LEVEL SECURITY"), $"NO FORCE on {table}");
            Assert.True(InsufficientPrivilege == await RefusalAsync($"ALTER TABLE \"{table}\" DISABLE ROW LEVEL SECURITY"), $"DISABLE on {table}");
            Assert.True(InsufficientPrivilege == await RefusalAsync($"DROP POLICY tenant_isolation ON \"{table}\""), $"DROP POLICY on {table}");
        }
    }

    /// <summary>How many rows of each tenant table a session of <paramref name="connectionString"/> sees, set to one authority, with the system setting off or on.</summary>
    private static async Task<Dictionary<string, long>> VisibleAsync(string connectionString, IEnumerable<string> tables, int authority, bool system, string? before = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand($"{before} SET fairshare.authority_id = '{authority}'; SET fairshare.system = '{(system ? "on" : "off")}';", connection))
        {
            await set.ExecuteNonQueryAsync();
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    [Fact]
    public async Task TheSystemSetting_ShowsTheAppRoleNoOtherAuthoritysRows()
    {
        var tables = (await TenantTablesAsync()).Except(RowLevelSecurity.AccountTables).ToList();
        await using var db = DatabaseRegistration.Create(database.Options);
        var county = await db.Authorities.Where(a => a.Code == DemoCatalogue.CountyCode).Select(a => a.Id).SingleAsync();

        var off = await VisibleAsync(database.AppConnection, tables, county, system: false);
        Assert.Equal(off, await VisibleAsync(database.AppConnection, tables, county, system: true));
        // Nor with a temporary "AuditEntries" of its own to stand in for the real table's owner.
        Assert.Equal(off, await VisibleAsync(database.AppConnection, tables, county, system: true,
            before: "CREATE TEMPORARY TABLE \"AuditEntries\" (\"Id\" integer);"));

        // The owner, by contrast, sees more with it on: there were other authorities' rows to hide.
        var owner = await VisibleAsync(database.OwnerConnection, tables, county, system: true);
        Assert.Contains(tables, t => owner[t] > off[t]);

        // A usage partition has no policy, so the app may only insert into it, never read it.
        var partition = $"Usage_{county}";
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"SELECT count(*) FROM \"{partition}\""));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DELETE FROM \"{partition}\""));
    }

    [Fact]
    public async Task TheSystemSetting_LetsTheAppRoleFindAccounts_ButWriteOnlyItsOwnAuthoritys()
    {
        await using var db = DatabaseRegistration.Create(database.Options);
        db.SystemAccess = true;
        var neighbour = await db.UserAccounts.AsNoTracking().Include(u => u.Roles).FirstAsync(u => u.Authority.Code == DemoCatalogue.NeighbourCode);
        Assert.NotEmpty(neighbour.Roles);

        // Signing in found the account across authorities, and writes it as its own authority.
        var account = await db.UserAccounts.SingleAsync(u => u.Id == neighbour.Id);
        account.LockoutEnd = TestClock.November2026.AddMinutes(5);
        await db.AsAuthorityAsync(account.AuthorityId, () => db.SaveChangesAsync());

        // As the system it may not: the row is not there to update.
        account.LockoutEnd = null;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task TheAppRole_ImportsAndRunsTheMonthEnd()
    {
        await using (var connection = await AppAsync())
        {
            await using var owns = new NpgsqlCommand(
                "SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.\"AuditEntries\"'::regclass), 'MEMBER')", connection);
            Assert.False((bool)(await owns.ExecuteScalarAsync())!, "The test must run as a role that does not own the tables.");
        }
        // With only its own connection string, as a web server without the owner's password starts, it finds nothing to migrate.
        await using (var app = DatabaseRegistration.Create(new DatabaseOptions { Provider = "Postgres", ConnectionString = database.AppConnection }))
        {
            Assert.Empty(await new DatabaseMigrator(app).MigrateAsync());
        }

        await using var scope = await database.ScopeForAsync(DemoCatalogue.CountyCode, new RoleGrant(Role.FinanceOfficer), "Test finance officer");
        var services = scope.ServiceProvider;
        const string usage = """
            recordId,date,buyer,offering,quantity,jobReference,recordedBy
            APP-ROLE-1,2027-02-03,F-OP,LEG-ADV,2.5,JOB-1,emma
            APP-ROLE-2,2027-02-04,F-LD,LEG-ADV,1,JOB-2,emma
            """;
        var imported = await services.GetRequiredService<ImportFile>()
            .HandleAsync(new ImportRequest(ImportKind.Usage, "app-role.csv", Encoding.UTF8.GetBytes(usage), null)).Ok();
        Assert.Equal(2, imported.Rows);

        var run = await services.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2027-02", false)).Ok();
        Assert.True(run.Posted);
        Assert.Equal(run.TotalCostBefore, run.TotalCostAfter);
        Assert.NotEmpty((await services.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest("2027-02")).Ok()).Csv);
        await services.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2027-02")).Ok();

        var verified = await services.GetRequiredService<VerifyLedger>().HandleAsync(new VerifyLedgerRequest()).Ok();
        Assert.True(verified.Intact, string.Join("; ", verified.Findings));
        Assert.True(verified.Journals > 0);
    }

    [Fact]
    public void TheScript_TakesChangesBackOnEveryAppendOnlyTable()
    {
        var script = File.ReadAllText(AppRoleDatabase.ScriptPath);
        Assert.All(AppendOnlyTables.PostgresAppendOnly, table => Assert.Contains($"'{table}'", script, StringComparison.Ordinal));
    }
}
