using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FairShare.Persistence;

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="FairShareDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddFairShareDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        switch (options.ParsedProvider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<FairShareDbContext, SqliteFairShareDbContext>(o => ConfigureSqlite(o, connectionString));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<FairShareDbContext, PostgresFairShareDbContext>(o => ConfigurePostgres(o, connectionString));
                break;
        }
        var owner = options.AsOwner();
        services.AddScoped(sp => new DatabaseMigrator(sp.GetRequiredService<FairShareDbContext>(), ReferenceEquals(owner, options) ? null : owner));
        return services;
    }

    /// <summary>A context of its own, outside any container; <paramref name="setting"/> names where the connection string came from, in an error.</summary>
    public static FairShareDbContext Create(DatabaseOptions options, string setting = "Database:ConnectionString")
    {
        var connectionString = options.ResolveConnectionString();
        return options.ParsedProvider switch
        {
            DatabaseProvider.Sqlite => new SqliteFairShareDbContext(
                ConfigureSqlite(new DbContextOptionsBuilder<SqliteFairShareDbContext>(), connectionString).Options),
            _ => new PostgresFairShareDbContext(
                ConfigurePostgres(new DbContextOptionsBuilder<PostgresFairShareDbContext>(), connectionString, setting).Options),
        };
    }

    private static T ConfigureSqlite<T>(T builder, string connectionString) where T : DbContextOptionsBuilder
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(csb.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        builder.UseSqlite(connectionString);
        return builder;
    }

    private static T ConfigurePostgres<T>(T builder, string connectionString, string setting = "Database:ConnectionString") where T : DbContextOptionsBuilder
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationProblemException($"{setting} is not a valid PostgreSQL connection string: {e.Message}");
        }
        builder.UseNpgsql(connectionString).AddInterceptors(new TenantSessionInterceptor());
        return builder;
    }
}
