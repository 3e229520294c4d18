namespace FairShare.Cli.Tests;

/// <summary>
/// A successful month end through the command line, on a fresh demo database with the clock pinned to
/// 24 November 2026: load the demo, import May's usage, withdraw it and import it again, dry run, post, a statement as CSV, the GL journal, the
/// batches, mark the batch sent, close. Every step's output is pinned byte for byte in Golden-month-end/
/// (UPDATE_GOLDEN=1 rewrites them after a deliberate change).
/// </summary>
public sealed partial class MonthEndGoldenTests : IDisposable
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Golden-month-end");
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fairshare-cli-month-end", Guid.NewGuid().ToString("N"));

    private static readonly (string Name, string[] Args)[] Steps =
    [
        ("1-demo", ["demo"]),
        ("2-import-usage", ["import", "usage", "{data}/demo-usage-2026-05.csv", "--expect-total", "{total}"]),
        // The file turns out to be wrong: withdrawn (a dry run first), and the same file imported again.
        ("2a-import-list", ["import", "list", "--period", "2026-05"]),
        ("2b-withdraw-dry-run", ["import", "withdraw", "2", "--reason", "Checking the file against the time system", "--dry-run"]),
        ("2c-withdraw", ["import", "withdraw", "2", "--reason", "Checking the file against the time system"]),
        ("2d-withdraw-again", ["import", "withdraw", "2", "--reason", "Twice"]),
        ("2e-import-usage-again", ["import", "usage", "{data}/demo-usage-2026-05.csv", "--expect-total", "{total}"]),
        ("2f-import-list", ["import", "list", "--period", "2026-05"]),
        ("3-dry-run", ["recharge", "run", "--period", "2026-05", "--dry-run"]),
        ("4-post", ["recharge", "run", "--period", "2026-05"]),
        ("5-post-again", ["recharge", "run", "--period", "2026-05"]),
        ("6-statement-older-people", ["statement", "F-OP", "--period", "2026-05"]),
        ("7-journal", ["recharge", "export", "--period", "2026-05"]),
        ("8-sent", ["recharge", "sent", "--batch", "1", "--reference", "GL-2026-0512"]),
        ("9-sent-again", ["recharge", "sent", "--batch", "1"]),
        ("10-close", ["recharge", "close", "--period", "2026-05"]),
        ("11-verify", ["verify"]),
        ("12-withdraw-after-close", ["import", "withdraw", "3", "--reason", "Too late"]),
    ];

    [Fact]
    public async Task AMonthEnd_ThroughTheCommandLine_PrintsWhatItsGoldenFilesSay()
    {
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        foreach (var (name, template) in Steps)
        {
            var args = template.Select(a => a.Replace("{data}", _data, StringComparison.Ordinal)
                .Replace("{total}", ControlTotal(), StringComparison.Ordinal)).Concat(["--data", _data]).ToArray();
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            var code = await CliApp.RunAsync(args, stdout, stderr, CliFixture.Clock());
            var actual = $"$ fairshare {string.Join(' ', template)}\nexit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}".Replace(_data, "{data}", StringComparison.Ordinal)
                .Replace($"{Environment.UserName} at the command line", "{user} at the command line", StringComparison.Ordinal);
            // A seal covers who wrote the row ("<user> at the command line"), so its digits differ from one machine to another.
            actual = Seal().Replace(actual, "{seal}");
            if (update)
            {
                Directory.CreateDirectory(SourceRoot());
                await File.WriteAllTextAsync(Path.Combine(SourceRoot(), name + ".txt"), actual);
                continue;
            }
            var expected = await File.ReadAllTextAsync(Path.Combine(Root, name + ".txt"));
            Assert.Equal(expected, actual); // byte for byte: the journal and the statement keep their CRLF line ends
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\b[0-9a-f]{64}\\b")]
    private static partial System.Text.RegularExpressions.Regex Seal();

    /// <summary>The control total of May's file, worked out from the file the demo wrote (a check that the import took all of it).</summary>
    private string ControlTotal()
    {
        var file = Path.Combine(_data, "demo-usage-2026-05.csv");
        if (!File.Exists(file))
        {
            return "0";
        }
        var total = File.ReadLines(file).Skip(1).Where(l => l.Length > 0)
            .Sum(l => decimal.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture));
        return total.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Golden-month-end");
}
