using FairShare.Features;

namespace FairShare.Cli;

/// <summary>
/// A use case's outcome on the command line, in one place: ok → exit 0 (the caller prints the value);
/// invalid → every field error, exit 2; forbidden → exit 3; not found → exit 4; refused → exit 5.
/// </summary>
public static class CliOutcome
{
    public const int Ok = 0, Invalid = 2, Forbidden = 3, NotFound = 4, Refused = 5;
    private const int ShownErrors = 100;

    public static async Task<int> WriteAsync<T>(Outcome<T> outcome, TextWriter stderr, Func<T, Task> ok)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(ok);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                await ok(outcome.Value);
                return Ok;
            case OutcomeKind.Forbidden:
                await stderr.WriteLineAsync($"fairshare: refused: {outcome.Message}");
                return Forbidden;
            case OutcomeKind.NotFound:
                await stderr.WriteLineAsync($"fairshare: {outcome.Message}");
                return NotFound;
            case OutcomeKind.Refused:
                await stderr.WriteLineAsync($"fairshare: {outcome.Message}");
                return Refused;
            default:
                foreach (var error in outcome.Errors.Take(ShownErrors))
                {
                    await stderr.WriteLineAsync($"fairshare: {error.Field}: {error.Message}");
                }
                if (outcome.Errors.Count > ShownErrors)
                {
                    // A file that is wrong throughout (the wrong export, say) should not bury the terminal.
                    await stderr.WriteLineAsync($"fairshare: … and {outcome.Errors.Count - ShownErrors} more; the first {ShownErrors} are shown.");
                }
                return Invalid;
        }
    }

    public static Task<int> WriteAsync<T>(Outcome<T> outcome, TextWriter stdout, TextWriter stderr, Func<T, string> ok) =>
        WriteAsync(outcome, stderr, value => stdout.WriteLineAsync(ok(value)));
}
