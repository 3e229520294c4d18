using System.Diagnostics;
using System.Globalization;
using System.Text;
using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace FairShare.Cli.Tests;

/// <summary>
/// The fairshare command killed with SIGKILL at random moments in the middle of an import and of a recharge run,
/// as a power cut or an operator's kill -9 would: after each kill the database holds all of the import or none of
/// it, and the period is posted once with balanced journals or not at all; then the same command, run again to
/// the end, leaves exactly one import and one posted run. On the embedded SQLite database and on PostgreSQL.
/// </summary>
public abstract class KillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 200_000;
    /// <summary>When to kill, attempt by attempt (plus up to 100 ms at random): from start-up to near the end of a 200,000-row import or a run.</summary>
    private static readonly int[] KillAfterMs = [250, 500, 900, 1_400, 2_000, 2_700, 3_500, 4_500];
    private const string FileName = "kill-usage.csv";

    /// <summary>October 2026: period 7 of 2026/27, open in the demo, its run not yet posted.</summary>
    private const string Period = "2026-10";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fairshare-kill-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    protected abstract DatabaseOptions Database(string folder);

    protected abstract string[] DatabaseArguments(string folder);

    protected virtual Task DropAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).AddFairShare(Database(_folder)).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(new LoadDemoDataRequest());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await DropAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteUsageFile()
    {
        var path = Path.Combine(_folder, FileName);
        var text = new StringBuilder("recordId,date,buyer,offering,quantity,jobReference,recordedBy\n");
        for (var i = 1; i <= Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"KILL-{i},2026-10-{1 + (i % 28):00},F-OP,LEG-ADV,0.25,JOB-{i % 500},kill test\n");
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Starts the real fairshare executable; kills it (and anything it started) after <paramref name="killAfter"/> unless it ends first.</summary>
    private async Task<(bool Killed, int? Code, string Error)> RunAsync(TimeSpan? killAfter, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "fairshare.exe" : "fairshare"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(DatabaseArguments(_folder)))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(killAfter ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return (false, process.ExitCode, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally block, no rollback by the process itself
            await process.WaitForExitAsync();
            await stdout;
            return (true, null, await stderr);
        }
    }

    private static FairShareDbContext Db(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return db;
    }

    /// <summary>All of the file or none of it: its batch, its records and their summaries agree.</summary>
    private async Task<bool> AssertAllOrNothingImportedAsync(string when)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var batches = await db.ImportBatches.Where(b => b.FileName == FileName).ToListAsync();
        var records = await db.Usage.CountAsync(u => u.RecordId.StartsWith("KILL-"));
        var summarised = batches.Count == 0 ? 0
            : await db.UsageSummaries.Where(s => s.ImportBatchId == batches[0].Id).SumAsync(s => s.Records);
        Assert.True(batches.Count <= 1, $"{when}: {batches.Count} batches of the one file");
        Assert.True(records is 0 or Rows, $"{when}: {records:N0} of the file's {Rows:N0} records are in the database");
        Assert.Equal(batches.Count == 1 ? Rows : 0, records);
        Assert.Equal(records, summarised);
        if (batches.Count == 1)
        {
            Assert.Equal(Rows, batches[0].Rows);
        }
        return batches.Count == 1;
    }

    /// <summary>The period posted once with every journal balanced and its statement lines, or not posted and nothing of a run left.</summary>
    private async Task<bool> AssertPostedOnceOrNotAtAllAsync(string when)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var runs = await db.RechargeRuns.Where(r => r.FinancialYearStart == 2026 && r.PeriodNumber == 7).ToListAsync();
        var posted = runs.Where(r => r.Status == RechargeRunStatus.Posted).ToList();
        Assert.True(posted.Count <= 1, $"{when}: {posted.Count} posted runs of one period");
        var runIds = runs.Select(r => r.Id).ToList();
        var journals = await db.JournalEntries.Where(j => j.RechargeRunId != null && runIds.Contains(j.RechargeRunId.Value)).Select(j => j.Id).ToListAsync();
        var unbalanced = await db.Postings.Where(p => journals.Contains(p.JournalEntryId)).GroupBy(p => p.JournalEntryId)
            .Where(g => g.Sum(p => p.AmountPence) != 0).CountAsync();
        Assert.True(unbalanced == 0, $"{when}: {unbalanced} journals do not balance");
        var lines = await db.RechargeLines.CountAsync(l => runIds.Contains(l.RechargeRunId));
        if (posted.Count == 0)
        {
            Assert.True(journals.Count == 0 && lines == 0, $"{when}: no run is posted, yet {journals.Count} journals and {lines} statement lines are there");
            return false;
        }
        Assert.True(journals.Count > 0 && lines > 0, $"{when}: the posted run has {journals.Count} journals and {lines} statement lines");
        return true;
    }

    [Fact]
    public async Task KilledDuringAnImportAndARun_TheDatabaseHoldsAllOrNothing_AndTheCommandThenFinishesOnce()
    {
        var file = WriteUsageFile();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");

        var clock = Stopwatch.StartNew();
        var killedMidway = 0;
        for (var attempt = 1; attempt <= KillAfterMs.Length; attempt++)
        {
            var after = TimeSpan.FromMilliseconds(KillAfterMs[attempt - 1] + random.Next(100));
            var (killed, code, error) = await RunAsync(after, "import", "usage", file);
            output.WriteLine($"import attempt {attempt}: kill after {after.TotalMilliseconds} ms: {(killed ? "killed" : $"ended by itself, exit {code}")}");
            Assert.True(killed || code == 0, $"import attempt {attempt} failed on its own, exit {code}: {error}");
            var done = await AssertAllOrNothingImportedAsync($"after import attempt {attempt}");
            killedMidway += killed ? 1 : 0;
            if (done)
            {
                break;
            }
        }
        var final = await RunAsync(null, "import", "usage", file);
        Assert.True(final.Code is CliOutcome.Ok or CliOutcome.Invalid, $"the import run to the end: exit {final.Code}: {final.Error}");
        Assert.True(await AssertAllOrNothingImportedAsync("after the import run to the end"), "the import run to the end left nothing imported");
        output.WriteLine($"imports: {killedMidway} killed mid-way, in {clock.Elapsed.TotalSeconds:F1} s");

        killedMidway = 0;
        for (var attempt = 1; attempt <= KillAfterMs.Length; attempt++)
        {
            var after = TimeSpan.FromMilliseconds(KillAfterMs[attempt - 1] + random.Next(100));
            var (killed, code, error) = await RunAsync(after, "recharge", "run", "--period", Period);
            output.WriteLine($"run attempt {attempt}: kill after {after.TotalMilliseconds} ms: {(killed ? "killed" : $"ended by itself, exit {code}")}");
            Assert.True(killed || code == 0, $"run attempt {attempt} failed on its own, exit {code}: {error}");
            var done = await AssertPostedOnceOrNotAtAllAsync($"after run attempt {attempt}");
            killedMidway += killed ? 1 : 0;
            if (done)
            {
                break;
            }
        }
        var last = await RunAsync(null, "recharge", "run", "--period", Period);
        Assert.True(last.Code is CliOutcome.Ok or CliOutcome.Refused, $"the run to the end: exit {last.Code}: {last.Error}");
        Assert.True(await AssertPostedOnceOrNotAtAllAsync("after the run to the end"), "the run to the end posted nothing");
        output.WriteLine($"runs: {killedMidway} killed mid-way, in {clock.Elapsed.TotalSeconds:F1} s in all");
    }
}

public sealed class KillOnSqlite(ITestOutputHelper output) : KillTests(output)
{
    protected override DatabaseOptions Database(string folder) => new() { Provider = "Sqlite", DataFolder = folder };

    protected override string[] DatabaseArguments(string folder) => ["--data", folder];
}

public sealed class KillOnPostgres(ITestOutputHelper output) : KillTests(output)
{
    private readonly string _name = "fairshare_kill_" + Guid.NewGuid().ToString("N")[..12];

    private static string Server => Environment.GetEnvironmentVariable("FAIRSHARE_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException("FAIRSHARE_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server and sets it.");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    protected override DatabaseOptions Database(string folder) => new() { Provider = "Postgres", ConnectionString = ConnectionString };

    protected override string[] DatabaseArguments(string folder) => ["--database", "Postgres", "--connection-string", ConnectionString];

    protected override async Task DropAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
