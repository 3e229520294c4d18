using System.CommandLine;

namespace FairShare.Cli.Tests;

/// <summary>
/// Every command, taken from the command tree itself, is run with absurd and hostile values in each of its options
/// and arguments, one at a time, the others valid: each must end with a message and an exit code — never an
/// exception escaping, never a stack trace. A new command or option is covered without being listed here.
/// </summary>
public sealed class HostileArgumentTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private static readonly string[] Hostile =
    [
        "", " ", "0", "-1", "2147483648", "99999999999999999999999999999999", "1e400", "NaN", "1,000",
        "0001-05", "9999-12", "2026-13", "2026/27-P14", "99999/00-P13", "9999-12-31", "2026-02-30",
        "Bogus", "7", "<script>", "'; DROP TABLE \"Usage\"; --", "../../etc/passwd", "=1+1", "a\u0000b", "\uFFFD", new string('x', 100_000),
    ];

    /// <summary>Commands that serve, load or migrate instead of answering: they have tests of their own.</summary>
    private static readonly string[] NotProbed = ["fairshare serve", "fairshare demo", "fairshare db migrate"];

    /// <summary>The global options the fixture sets; --authority and --token are probed like any other.</summary>
    private static readonly string[] Fixed = ["--database", "--connection-string", "--data"];

    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "Golden", "allocate", "direct-json", "model.json");
    private static readonly string Usage = Path.Combine(AppContext.BaseDirectory, "Golden", "import", "bad-usage", "usage.csv");

    /// <summary>A valid value for each required option and argument, so one spoilt value at a time reaches the use case.</summary>
    private static string Valid(string name, string command) => name switch
    {
        "--period" => "2026-10",
        "--batch" => "1",
        "--role" => "auditor",
        "--name" => "Probe",
        "--email" => "probe@northshire.example",
        "--reason" => "Probe",
        "model" => Model,
        "file" => Usage,
        "method" or "--method" => "reciprocal",
        "support-service" => "S-INS",
        "driver" => "FTE",
        "cost-centre" => "F-LIB",
        "id" or "offering" => "1",
        "name" => "probe-mapping",
        "--kind" => "cost-centres",
        "--columns" => "Cost Centre=code;Description=name",
        "code" => command.Contains("suppliers", StringComparison.Ordinal) ? "SUP-BRIGHT" : "F-LIB",
        "--from" => command.Contains("charging-class", StringComparison.Ordinal) ? "2027-04" : "2040-01-01", // closing a cost centre from a day no test reaches
        "email" => "auditor@northshire.example",
        "--code" => command.Contains("init", StringComparison.Ordinal) ? "PROBE" : "SUP-PROBE",
        "--admin-email" => "probe@init.example",
        "--admin-name" => "Probe",
        "--offering" => "BRIGHT-PROBE",
        "--year" => command.Contains("suppliers", StringComparison.Ordinal) ? "2026" : "2027",
        "--rate" => "1",
        "on|off" => "on",
        "--class" => "pooled",
        _ => throw new InvalidOperationException($"The hostile-argument test does not know a valid {name} for '{command}': teach it."),
    };

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        if (command.Action is not null)
        {
            yield return (path, command);
        }
        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, $"{path} {sub.Name}"))
            {
                yield return leaf;
            }
        }
    }

    [Fact]
    public async Task EveryCommand_GivenHostileValuesInEachOptionAndArgument_EndsWithAMessage_NeverAStackTrace()
    {
        var root = CliApp.Create(new GlobalOptions(CliFixture.Clock()), TextWriter.Null, TextWriter.Null);
        var bad = new List<string>();
        var tried = 0;
        foreach (var (path, command) in Leaves(root, "fairshare").Where(l => !NotProbed.Contains(l.Path)))
        {
            var words = path.Split(' ')[1..];
            var options = command.Options.Concat(root.Options.Where(o => o.Recursive))
                .Where(o => o is not System.CommandLine.Help.HelpOption && !Fixed.Contains(o.Name)).ToList();
            var required = options.Where(o => o.Required).ToList();
            var arguments = command.Arguments.ToList();

            string[] Args(string? spoilt, string? value) =>
            [
                .. words, "--data", cli.DataFolder,
                .. arguments.Select(a => a.Name == spoilt ? value! : a.Arity.MinimumNumberOfValues == 0 && a.Name != "driver" ? null : Valid(a.Name, path)).OfType<string>(),
                .. required.Where(o => o.Name != spoilt).SelectMany(o => new[] { o.Name, Valid(o.Name, path) }),
                .. spoilt is not null && options.Any(o => o.Name == spoilt) ? new[] { spoilt, value! } : [],
            ];

            foreach (var spoilt in options.Where(o => o.Arity.MaximumNumberOfValues > 0).Select(o => o.Name).Concat(arguments.Select(a => a.Name)))
            {
                foreach (var value in Hostile)
                {
                    tried++;
                    var args = Args(spoilt, value);
                    try
                    {
                        var (code, stdout, stderr) = await cli.RunAsync(args);
                        var output = stdout + stderr;
                        if (output.Contains("Exception", StringComparison.Ordinal) || output.Contains("   at ", StringComparison.Ordinal))
                        {
                            bad.Add($"{path} {spoilt}={Shown(value)} → exit {code}, a stack trace: {Shown(output)}");
                        }
                        else if (code != 0 && stderr.Trim().Length == 0)
                        {
                            bad.Add($"{path} {spoilt}={Shown(value)} → exit {code} with nothing said");
                        }
                    }
#pragma warning disable CA1031 // the point of the test: any exception escaping the command is the defect it reports
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        bad.Add($"{path} {spoilt}={Shown(value)} → {e.GetType().Name}: {Shown(e.Message)}");
                    }
                }
            }
        }
        Assert.True(tried > 500, $"only {tried} hostile command lines were run");
        Assert.True(bad.Count == 0, $"{bad.Count} of {tried} hostile command lines did not end with a message:\n{string.Join("\n", bad.Take(60))}");
    }

    private static string Shown(string text) => (text.Length > 160 ? text[..160] + "…" : text).Replace("\u0000", "\\0", StringComparison.Ordinal);
}
