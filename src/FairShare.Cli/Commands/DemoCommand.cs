using System.CommandLine;
using FairShare.Features.Demo;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

public static class DemoCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var demo = new Command("demo", "Load the demo: Northshire County Council, Westvale Borough Council and two external suppliers.");
        demo.SetAction(async (parse, ct) =>
        {
            // Across authorities, so as the tables' owner when the application's own role owns nothing.
            await using var scope = global.Services(parse, asOwner: true);
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(new LoadDemoDataRequest(), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, async result =>
            {
                await stdout.WriteLineAsync(result.Message);
                var (name, csv) = await scope.ServiceProvider.GetRequiredService<DemoDatabase>().ImportableUsageAsync(ct);
                // Beside the database, as the README says; with PostgreSQL (or a connection string) nothing has made the folder yet.
                var folder = Directory.CreateDirectory(global.DatabaseOptions(parse).DataFolder);
                var path = Path.Combine(folder.FullName, name);
                await File.WriteAllTextAsync(path, csv, ct);
                await stdout.WriteLineAsync($"The demo leaves one month of usage for you to import: {Path.GetFullPath(path)}");
            });
        });
        return demo;
    }
}
