using System.CommandLine;
using FairShare.Features.Demo;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

public static class DemoCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout)
    {
        var demo = new Command("demo", "Load the demo: Northshire County Council, Westvale Borough Council and two external suppliers.");
        demo.SetAction(async (parse, ct) =>
        {
            await using var scope = global.Services(parse);
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(ct);
            await stdout.WriteLineAsync(result.Message);
            return 0;
        });
        return demo;
    }
}
