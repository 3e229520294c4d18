using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Demo;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FairShare.Features.Tests;

/// <summary>The moment the tests live in, so "the current financial year" is fixed: 24 November 2026, noon UTC.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset November2026 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock stopped at <see cref="November2026"/>, or that much later.</summary>
    public static FakeTimeProvider At(TimeSpan? later = null) => new(November2026 + (later ?? TimeSpan.Zero));
}

/// <summary>A real, migrated database holding the demo, shared by one test class.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public abstract DatabaseOptions Options { get; }

    public virtual async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(TestClock.At())
            .AddFairShare(Options)
            .BuildServiceProvider();
        // Migrated and loaded as the tables' owner, as `fairshare demo` does (the same connection unless the fixture has two roles).
        await using var owner = new ServiceCollection()
            .AddSingleton<TimeProvider>(TestClock.At())
            .AddFairShare(Options.AsOwner())
            .BuildServiceProvider();
        await using var scope = owner.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(new LoadDemoDataRequest());
    }

    /// <summary>A scope acting for one authority (by code) in one role, as a web request or CLI command would.</summary>
    public async Task<AsyncServiceScope> ScopeForAsync(string authorityCode, RoleGrant? grant = null, string name = "Test administrator", string id = "test")
    {
        var scope = _services!.CreateAsyncScope();
        var tenant = (await scope.ServiceProvider.GetRequiredService<ResolveTenant>().HandleAsync(new ResolveTenantRequest(authorityCode))).Value;
        var actor = new Actor(id, name, tenant.AuthorityId, [grant ?? new RoleGrant(Role.Administrator)], "test");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant, actor);
        return scope;
    }

    /// <summary>The id of a record of one authority found by its code (system access: the test is not a tenant).</summary>
    public async Task<int> IdOfAsync<T>(string authorityCode, string code) where T : class
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return typeof(T).Name switch
        {
            nameof(CostCentre) => await db.CostCentres.Where(c => c.Authority.Code == authorityCode && c.Code == code).Select(c => c.Id).SingleAsync(),
            nameof(Offering) => await db.Offerings.Where(c => c.Authority.Code == authorityCode && c.Code == code).Select(c => c.Id).SingleAsync(),
            nameof(Supplier) => await db.Suppliers.Where(c => c.Authority.Code == authorityCode && c.Code == code).Select(c => c.Id).SingleAsync(),
            _ => throw new ArgumentException(typeof(T).Name),
        };
    }

    public AsyncServiceScope Scope() => _services!.CreateAsyncScope();

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}

public sealed class SqliteDatabase : DatabaseFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fairshare-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseOptions Options => new() { Provider = "Sqlite", DataFolder = _folder };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server that the test script starts. Without the server the tests fail
/// loudly: nothing is skipped.
/// </summary>
public sealed class PostgresDatabase : DatabaseFixture
{
    public const string ServerVariable = "FAIRSHARE_TEST_POSTGRES";
    private readonly string _name = "fairshare_test_" + Guid.NewGuid().ToString("N")[..12];

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server and sets it.");

    public override DatabaseOptions Options => new()
    {
        Provider = "Postgres",
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
