using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Persistence;

/// <summary>
/// Creates the database if needed and applies every pending migration of the configured provider: as the tables'
/// owner when <see cref="DatabaseOptions.MigrationConnectionString"/> is set (<paramref name="owner"/>), else on the
/// application's own connection.
/// </summary>
public sealed class DatabaseMigrator(FairShareDbContext app, DatabaseOptions? owner = null)
{
    /// <returns>The migrations applied now (empty when the database was already up to date).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (owner is null)
        {
            return await MigrateAsync(app, cancellationToken);
        }
        await using var db = DatabaseRegistration.Create(owner, "Database:MigrationConnectionString");
        return await MigrateAsync(db, cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> MigrateAsync(FairShareDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.AsSystemAsync(async () =>
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    // Up to date (a missing database has every migration pending): every CLI command starts here,
                    // and MigrateAsync would still take its lock and read the history again.
                    return (IReadOnlyList<string>)pending;
                }
                await db.Database.MigrateAsync(cancellationToken);
                if (pending.Any(m => m.EndsWith("_UsageSummariesProviderCostsAndUsageIndexes", StringComparison.Ordinal)))
                {
                    await SummariseUsageAsync(db, cancellationToken);
                }
                if (pending.Any(m => m.EndsWith("_LedgerSeal", StringComparison.Ordinal)))
                {
                    await Ledger.LedgerSeal.SealExistingAsync(db, cancellationToken);
                }
                return (IReadOnlyList<string>)pending;
            });
        }
        catch (Exception e) when (e is DbException or InvalidOperationException && e.InnerException is DbException or System.Net.Sockets.SocketException)
        {
            throw new ConfigurationProblemException($"Cannot reach the {ProviderName(db)} database: {Innermost(e).Message}");
        }
    }

    /// <summary>
    /// Usage imported before runs read totals has none: total it once, exactly (in decimal, not in SQL, where
    /// SQLite would add the quantities as floating point), import by import.
    /// </summary>
    private static async Task SummariseUsageAsync(FairShareDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.Authorities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.YearStartMonth, cancellationToken);
        var batches = await db.Usage.AsNoTracking().Select(u => new { u.AuthorityId, u.ImportBatchId }).Distinct().ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in batches)
        {
            var usage = await db.Usage.AsNoTracking().Where(u => u.ImportBatchId == batch.ImportBatchId).ToListAsync(cancellationToken);
            await Ledger.BulkUsage.AddSummariesAsync(db, usage, years[batch.AuthorityId], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string ProviderName(FairShareDbContext db) => db is PostgresFairShareDbContext ? "PostgreSQL" : "SQLite";

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
