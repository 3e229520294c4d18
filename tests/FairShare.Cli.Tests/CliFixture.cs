using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FairShare.Cli.Tests;

/// <summary>A throwaway SQLite database holding the demo as priced in November 2026, for the CLI to read.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    /// <summary>24 November 2026, noon UTC: the demo's year is 2026/27 and every timestamp is the same.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "fairshare-cli-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock())
            .AddFairShare(new DatabaseOptions { DataFolder = DataFolder })
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(new LoadDemoDataRequest());
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
        return Task.CompletedTask;
    }

#pragma warning disable CA1822 // an instance method, so tests read cli.RunAsync(...) beside cli.DataFolder
    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
#pragma warning restore CA1822
}

