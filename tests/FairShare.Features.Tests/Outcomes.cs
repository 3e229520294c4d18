using FairShare.Domain;

namespace FairShare.Features.Tests;

/// <summary>Reading use cases' outcomes in tests: the value of an ok one, or the failure of the kind expected.</summary>
public static class Outcomes
{
    public static async Task<T> Ok<T>(this Task<Outcome<T>> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var outcome = await task;
        Assert.True(outcome.IsOk, $"Expected ok, got {outcome}");
        return outcome.Value;
    }

    public static async Task<Outcome<T>> Fails<T>(this Task<Outcome<T>> task, OutcomeKind kind)
    {
        ArgumentNullException.ThrowIfNull(task);
        var outcome = await task;
        Assert.Equal(kind, outcome.Kind);
        return outcome;
    }

    /// <summary>An import's row problems as they read on every door: "line 3, recordId 'X': reason", or the reason alone for the file as a whole.</summary>
    public static IReadOnlyList<string> Problems<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return [.. outcome.Errors.Select(Problem)];
    }

    /// <summary>An import's row problems back in their parts: line, column, value and reason.</summary>
    public static IReadOnlyList<ImportRow> Rows<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return [.. outcome.Errors.Select(e =>
        {
            if (e.Field == "file")
            {
                return new ImportRow(0, "", "", e.Message);
            }
            var comma = e.Field.IndexOf(", ", StringComparison.Ordinal);
            if (comma < 0)
            {
                return new ImportRow(int.Parse(e.Field[5..], System.Globalization.CultureInfo.InvariantCulture), "row", "", e.Message);
            }
            var line = int.Parse(e.Field[5..comma], System.Globalization.CultureInfo.InvariantCulture);
            var end = e.Message.IndexOf("': ", StringComparison.Ordinal);
            return new ImportRow(line, e.Field[(comma + 2)..], e.Message[1..end], e.Message[(end + 3)..]);
        })];
    }

    public static string Problem(DomainError e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Field == "file" ? e.Message : $"{e.Field} {e.Message}";
    }
}

public sealed record ImportRow(int Line, string Column, string Value, string Reason)
{
    public override string ToString() => Line == 0 ? Reason : Column == "row" ? $"line {Line}: {Reason}" : $"line {Line}, {Column} '{Value}': {Reason}";
}
