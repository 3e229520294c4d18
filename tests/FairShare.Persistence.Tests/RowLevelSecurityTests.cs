using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Features.Demo;
using FairShare.Features.Tests;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FairShare.Persistence.Tests;

/// <summary>
/// PostgreSQL's row-level security is a second wall: with the app's own filters switched off (plain queries
/// with no Where on the authority), a session set to one authority still cannot read or write another's rows.
/// It binds any role that is not a superuser, so the test connects as such a role, as production does.
/// </summary>
public sealed class RowLevelSecurityTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _role = "fairshare_app_" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            CREATE ROLE {_role} LOGIN NOSUPERUSER NOBYPASSRLS;
            GRANT USAGE ON SCHEMA public TO {_role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_role};
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {_role};
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"REASSIGN OWNED BY {_role} TO postgres; DROP OWNED BY {_role}; DROP ROLE {_role};", connection);
        await command.ExecuteNonQueryAsync();
    }

    private FairShareDbContext AppContext(int? authorityId, bool system = false)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString) { Username = _role, Pooling = false }.ConnectionString;
        var db = DatabaseRegistration.Create(new DatabaseOptions { Provider = "Postgres", ConnectionString = connection });
        db.TenantAuthorityId = authorityId;
        db.SystemAccess = system;
        return db;
    }

    private async Task<(int County, int Neighbour)> AuthoritiesAsync()
    {
        await using var db = AppContext(null);
        var ids = await db.Authorities.ToDictionaryAsync(a => a.Code, a => a.Id);
        return (ids[DemoCatalogue.CountyCode], ids[DemoCatalogue.NeighbourCode]);
    }

    [Fact]
    public async Task WithTheAppsFilterOff_RlsAloneHidesAnotherAuthoritysRows()
    {
        var (county, neighbour) = await AuthoritiesAsync();
        var housing = await database.IdOfAsync<CostCentre>(DemoCatalogue.NeighbourCode, "WB-HSG");
        var privateOffering = await database.IdOfAsync<Offering>(DemoCatalogue.NeighbourCode, "WB-LEG-HSG");

        await using var db = AppContext(county);
        Assert.Null(await db.CostCentres.FirstOrDefaultAsync(c => c.Id == housing));
        Assert.Null(await db.Offerings.FirstOrDefaultAsync(o => o.Id == privateOffering));
        Assert.Empty(await db.Budgets.Where(b => b.AuthorityId == neighbour).ToListAsync());
        Assert.Empty(await db.UserAccounts.Where(u => u.AuthorityId == neighbour).ToListAsync());
        Assert.Empty(await db.Directorates.Where(d => d.AuthorityId == neighbour).ToListAsync());
        Assert.All(await db.Offerings.ToListAsync(), o => Assert.True(o.AuthorityId == county || o.ListedOnMarketplace));
        Assert.NotEmpty(await db.CostCentres.Where(c => c.AuthorityId == county).ToListAsync());
    }

    [Fact]
    public async Task WithoutAnAuthority_ASessionSeesOnlyTheSharedMarketplace()
    {
        await using var db = AppContext(null);
        Assert.Empty(await db.Budgets.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
        Assert.Empty(await db.UserAccounts.ToListAsync());
        Assert.All(await db.Offerings.ToListAsync(), o => Assert.True(o.ListedOnMarketplace));
    }

    /// <summary>
    /// Any role may SET fairshare.system, so it lets cross-authority work through only for a member of the role
    /// that owns the tables (migration AppRoleOwnsNothing; here the superuser that migrated them).
    /// </summary>
    [Fact]
    public async Task SystemAccess_IsWhatLetsCrossAuthorityWorkThrough_ForAMemberOfTheTablesOwner()
    {
        var housing = await database.IdOfAsync<CostCentre>(DemoCatalogue.NeighbourCode, "WB-HSG");
        await using (var db = AppContext(null, system: true))
        {
            Assert.Null(await db.CostCentres.FirstOrDefaultAsync(c => c.Id == housing));
        }
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using (var grant = new NpgsqlCommand($"""
            DO $d$ BEGIN EXECUTE format('GRANT %I TO {_role}', (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '"AuditEntries"'::regclass)); END $d$;
            """, connection))
        {
            await grant.ExecuteNonQueryAsync();
        }
        try
        {
            await using var db = AppContext(null, system: true);
            Assert.NotNull(await db.CostCentres.FirstOrDefaultAsync(c => c.Id == housing));
        }
        finally
        {
            await using var revoke = new NpgsqlCommand($"""
                DO $d$ BEGIN EXECUTE format('REVOKE %I FROM {_role}', (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '"AuditEntries"'::regclass)); END $d$;
                """, connection);
            await revoke.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task RlsRefusesWritingARowIntoAnotherAuthority()
    {
        var (county, neighbour) = await AuthoritiesAsync();
        await using var db = AppContext(county);
        var sql = $"INSERT INTO \"Directorates\" (\"AuthorityId\", \"Code\", \"Name\") VALUES ({neighbour}, 'X', 'Smuggled')";
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Equal("42501", refusal.SqlState); // insufficient_privilege: new row violates row-level security policy
    }

    [Fact]
    public async Task TheBulkPath_WritesTheSessionsOwnRows_AndRlsRefusesAnotherAuthoritys()
    {
        var (county, neighbour) = await AuthoritiesAsync();
        var buyer = await database.IdOfAsync<CostCentre>(DemoCatalogue.CountyCode, "F-EDU");
        RecordedUsage Row(int authority, string id) => new(authority, 0, id, new DateOnly(2026, 5, 4), buyer, 1, 1m, "JOB", "test");

        await using var db = AppContext(county);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await BulkInsert.WriteAsync(db, [Row(county, "rls-1"), Row(county, "rls-2")], CancellationToken.None));
            Assert.Equal(2, await db.Usage.CountAsync(u => u.RecordId.StartsWith("rls-")));
            await transaction.RollbackAsync();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => BulkInsert.WriteAsync(db, [Row(county, "rls-3"), Row(neighbour, "rls-4")], CancellationToken.None));
            Assert.Equal("42501", refusal.SqlState);
        }
    }

    [Fact]
    public async Task TheImportWriter_CopiesStraightIntoTheSessionsOwnPartition_AndNeverIntoAnothers()
    {
        var (county, neighbour) = await AuthoritiesAsync();
        var buyer = await database.IdOfAsync<CostCentre>(DemoCatalogue.CountyCode, "F-EDU");
        RecordedUsage Row(int authority, string id) => new(authority, 0, id, new DateOnly(2026, 5, 4), buyer, 1, 1m, "JOB", "test");
        await using var db = AppContext(county);

        // The session's own authority: COPY into its partition, no temporary table on the way.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var writer = new BulkUsage.Writer(db, county, yearStartMonth: 4);
            await writer.AddAsync(Row(county, "part-1"), CancellationToken.None);
            await writer.AddAsync(Row(county, "part-2"), CancellationToken.None);
            Assert.True(await writer.CompleteAsync(CancellationToken.None));
            Assert.Equal(2, await db.Usage.CountAsync(u => u.RecordId.StartsWith("part-")));
            Assert.Equal($"\"Usage_{county}\"", await db.Database.SqlQueryRaw<string>(
                "SELECT tableoid::regclass::text AS \"Value\" FROM \"Usage\" WHERE \"RecordId\" = 'part-1'").SingleAsync());
            Assert.Null(await db.Database.SqlQueryRaw<string?>("SELECT to_regclass('pg_temp.\"copy_Usage\"')::text AS \"Value\"").SingleAsync());
            await transaction.RollbackAsync();
        }

        // Another authority's writer in this session: not its partition, but through Usage, whose policy refuses.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var writer = new BulkUsage.Writer(db, neighbour, yearStartMonth: 4);
            await writer.AddAsync(Row(neighbour, "part-3"), CancellationToken.None);
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => writer.CompleteAsync(CancellationToken.None));
            Assert.Equal("42501", refusal.SqlState);
        }

        // Another authority's row in the session's own partition: its constraint refuses.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var writer = new BulkUsage.Writer(db, county, yearStartMonth: 4);
            await writer.AddAsync(Row(neighbour, "part-4"), CancellationToken.None);
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => writer.CompleteAsync(CancellationToken.None));
            Assert.Equal("23514", refusal.SqlState); // check_violation: the row does not belong in this partition
        }
    }

    [Fact]
    public async Task EveryAuthorityHasAUsagePartition_IntoWhichOtherRolesMayOnlyInsert()
    {
        var (county, neighbour) = await AuthoritiesAsync();
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(); // never committed: the role and the authority go with it
        async Task<object?> Scalar(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            return await command.ExecuteScalarAsync();
        }
        var reader = _role + "_reader";
        await Scalar($"""
            CREATE ROLE {reader} NOLOGIN;
            GRANT SELECT, INSERT ON "Usage" TO {reader};
            SET LOCAL fairshare.system = 'on';
            INSERT INTO "Authorities" ("Code", "Name", "YearStartMonth") VALUES ('ZZP', 'Partition Test Council', 4);
            """);
        var added = (int)(await Scalar("""SELECT "Id" FROM "Authorities" WHERE "Code" = 'ZZP'"""))!;

        foreach (var authority in new[] { county, neighbour, added })
        {
            Assert.Equal($"Usage_{authority}", await Scalar($"""
                SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = '"Usage"'::regclass AND c.relname = 'Usage_{authority}'
                """));
        }
        Assert.Equal(true, await Scalar($"""SELECT has_table_privilege('{reader}', '"Usage_{added}"', 'INSERT')"""));
        Assert.Equal(false, await Scalar($"""SELECT has_table_privilege('{reader}', '"Usage_{added}"', 'SELECT')"""));
    }
}
