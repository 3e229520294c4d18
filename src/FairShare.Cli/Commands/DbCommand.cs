using System.CommandLine;
using FairShare.Domain.Text;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

public static class DbCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply every pending migration.");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var scope = global.Services(parse);
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await stdout.WriteLineAsync(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {English.Count(applied.Count, "migration")}: {string.Join(", ", applied)}.");
            return 0;
        });
        var db = new Command("db", "Manage the database.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
