using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Persistence;

/// <summary>Creates the database if needed and applies every pending migration of the configured provider.</summary>
public sealed class DatabaseMigrator(FairShareDbContext db)
{
    /// <returns>The migrations applied now (empty when the database was already up to date).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.AsSystemAsync(async () =>
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                return (IReadOnlyList<string>)pending;
            });
        }
        catch (Exception e) when (e is DbException or InvalidOperationException && e.InnerException is DbException or System.Net.Sockets.SocketException)
        {
            throw new ConfigurationProblemException($"Cannot reach the {ProviderName} database: {Innermost(e).Message}");
        }
    }

    private string ProviderName => db is PostgresFairShareDbContext ? "PostgreSQL" : "SQLite";

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
