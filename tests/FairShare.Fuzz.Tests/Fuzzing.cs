using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace FairShare.Fuzz.Tests;

/// <summary>
/// Runs one parser's harness for its time budget: CsCheck samples hostile inputs on one thread for
/// <see cref="Seconds"/>, each input's check answering the outcome it came to in a few words (an exception is a
/// crash: CsCheck shrinks it and the test fails with the smallest input it found). Each run writes one line of
/// figures — parser, iterations, distinct outcomes, crashes, seconds — for <c>scripts/fuzz.sh</c>.
/// </summary>
public static partial class Fuzzing
{
    /// <summary>The variable that sets each parser's budget in seconds.</summary>
    public const string SecondsVariable = "FAIRSHARE_FUZZ_SECONDS";

    /// <summary>The folder figures are written to, one file per parser (unset: none are written).</summary>
    public const string ReportVariable = "FAIRSHARE_FUZZ_REPORT";

    /// <summary>
    /// Each parser's budget when nothing says otherwise: with <see cref="Parsers"/> harnesses, 8 × 20 s = 160 s,
    /// inside the three minutes CI gives all of them together even if they ran one after another.
    /// </summary>
    public const int DefaultSeconds = 20;

    /// <summary>How many harnesses there are (one per parser); the CI budget is their sum.</summary>
    public const int Parsers = 8;

    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : DefaultSeconds;

    /// <summary>Samples <paramref name="gen"/> for the budget, checking each input; fails on the first crash found (shrunk).</summary>
    public static void Run<T>(string parser, Gen<T> gen, Func<T, string> check, Func<T, string>? print = null)
    {
        var clock = Stopwatch.StartNew();
        long iterations = 0;
        long crashes = 0;
        var outcomes = new Dictionary<string, long>(StringComparer.Ordinal);
        string? first = null;
        try
        {
            gen.Sample(input =>
            {
                iterations++;
                string outcome;
                try
                {
                    outcome = check(input);
                }
                catch (Exception e)
                {
                    crashes++;
                    first ??= $"{e.GetType().Name}: {e.Message}";
                    throw;
                }
                var shape = Shape(outcome);
                outcomes[shape] = outcomes.GetValueOrDefault(shape) + 1;
            }, time: Seconds, threads: 1, print: print);
        }
        finally
        {
            Report(parser, iterations, outcomes, crashes, clock.Elapsed.TotalSeconds, first);
        }
    }

    private static void Report(string parser, long iterations, Dictionary<string, long> outcomes, long crashes, double seconds, string? first)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{parser}\t{iterations}\t{outcomes.Count}\t{crashes}\t{seconds:0}") + (first is null ? "" : "\t" + first.ReplaceLineEndings(" "));
        Console.WriteLine(line);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, parser + ".tsv"), line + "\n");
            File.WriteAllLines(Path.Combine(folder, parser + ".outcomes.txt"), outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value,9} {o.Key}"));
        }
    }

    /// <summary>An outcome's shape, so that outcomes differing only in a value, a line or a count are one: quoted text and numbers go.</summary>
    public static string Shape(string outcome)
    {
        var shape = Numbers().Replace(Quoted().Replace(outcome, "'…'"), "#");
        return shape.Length <= 100 ? shape : shape[..100];
    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[0-9][0-9,.]*", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    /// <summary>Fails the check (a crash) with what was wrong.</summary>
    public static void Require(bool holds, string what)
    {
        if (!holds)
        {
            throw new PropertyFailedException(what);
        }
    }
}

/// <summary>A property that did not hold: as much a crash as an exception from the parser.</summary>
public sealed class PropertyFailedException(string message) : Exception(message);
