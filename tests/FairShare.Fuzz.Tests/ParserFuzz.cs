using System.Globalization;
using CsCheck;
using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Inputs;

namespace FairShare.Fuzz.Tests;

/// <summary>
/// What people type (<see cref="Parse"/>: periods, dates, financial years, methods, roles and other words,
/// encodings) and the allocation model (<see cref="AllocationModelParser"/>, then the engine on every model it
/// accepts). Neither throws on any text: a value, or errors each naming the field and the reason. A value read
/// is written back as the same value.
/// </summary>
public sealed class ParserFuzz
{
    private static readonly string[] InputSeeds =
    [
        "2026-05", "2027-01", "2026/27-P13", "2026/27-p05", "2026", "2026/27", "2026-05-14", "2027-02-28", "reciprocal", "direct",
        "step-down", "StepDown", "budget-holder", "finance-officer", "usage", "apportionments", "utf-8", "windows-1252", "cp1252", " 2026-05 ",
        "２０２６-05", "٢٠٢٦/٢٧", "2026-P13", "2026-05\n",
    ];

    private static readonly Func<string, int, (string Outcome, string? Again)>[] Parsers =
    [
        (text, start) => Answer(Parse.Period(text, start, "period"), "period", p => p.Month, again => Parse.Period(again, start, "period")),
        (text, start) => Answer(Parse.FinancialYear(text, start, "year"), "year", y => y.Label, again => Parse.FinancialYear(again, start, "year")),
        (text, _) => Answer(Parse.Date(text, "date"), "date", d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), again => Parse.Date(again, "date")),
        (text, _) => Answer(Parse.Method(text, "method"), "method", Parse.Word, again => Parse.Method(again, "method")),
        (text, _) => Answer(Parse.Word<Role>(text, "role"), "role", r => Features.Slugs.ToSlug(r), again => Parse.Word<Role>(again, "role")),
        (text, _) => Answer(Parse.Word<ImportKind>(text, "kind"), "kind", k => Features.Slugs.ToSlug(k), again => Parse.Word<ImportKind>(again, "kind")),
        (text, _) => Answer(Parse.Word<ProviderType>(text, "provider"), "provider", k => Features.Slugs.ToSlug(k), again => Parse.Word<ProviderType>(again, "provider")),
        (text, _) => Answer(Parse.Encoding(text, "encoding"), "encoding", e => e == Features.Imports.ImportEncoding.Utf8 ? "utf-8" : "windows-1252", again => Parse.Encoding(again, "encoding")),
        (text, start) => (Parse.FinancialYear(int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : text.Length * 1000, start, "year") is var r && r.IsSuccess ? "year" : "no year: " + r.Errors[0].Message, null),
    ];

    /// <summary>The outcome in words; a value read is written again and must read as itself (checked here).</summary>
    private static (string, string?) Answer<T>(Result<T> result, string field, Func<T, string> write, Func<string, Result<T>> read)
    {
        if (!result.IsSuccess)
        {
            Fuzzing.Require(result.Errors.All(e => e.Field == field && e.Message.Length > 0), "an error without its field or reason");
            return ($"no {field}: " + result.Errors[0].Message, null);
        }
        var written = write(result.Value);
        var again = read(written);
        Fuzzing.Require(again.IsSuccess && EqualityComparer<T>.Default.Equals(again.Value, result.Value), $"{field} {result.Value} written as '{written}' reads as {(again.IsSuccess ? again.Value : string.Join("; ", again.Errors))}");
        return (field, written);
    }

    [Fact]
    public void TheInputParsers_AnswerAValueOrTheirFieldsError_ForAnyText() =>
        Fuzzing.Run("inputs", Gen.Select(Gen.Int[0, Parsers.Length - 1], Gen.Frequency((4, Hostile.Text(InputSeeds)), (1, Gen.String)), Gen.Int[1, 12]),
            input => Parsers[input.Item1](input.Item2, input.Item3).Outcome,
            input => $"parser {input.Item1}, year starting in month {input.Item3}: \"{input.Item2}\"");

    private static readonly string[] ModelSeeds =
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Models"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText),
    ];

    /// <summary>A model's departments and usage as JSON, from hostile parts: ids repeated or missing, kinds unknown, amounts of every shape.</summary>
    private static Gen<string> Structured { get; } =
        Gen.Select(
            Gen.Select(Gen.OneOf("A", "B", "C", "D", "", " ", "a\u0000", "\"q\""), Gen.OneOf("support", "operating", "Support", "", "other"), Gen.OneOf(Hostile.Values), Gen.Bool,
                (id, kind, cost, number) => $"{{\"id\":{Json(id)},\"kind\":{Json(kind)},\"cost\":{Amount(cost, number)}}}").Array[0, 8],
            Gen.Select(Gen.OneOf("A", "B", "C", "D", "E", ""), Gen.OneOf("A", "B", "C", "D", "E", ""), Gen.OneOf(Hostile.Values), Gen.Bool,
                (p, r, q, number) => $"{{\"provider\":{Json(p)},\"receiver\":{Json(r)},\"quantity\":{Amount(q, number)}}}").Array[0, 12],
            Gen.OneOf("", ",\"stepDownOrder\":[\"A\",\"B\"]", ",\"stepDownOrder\":[]", ",\"stepDownOrder\":[\"Z\",1,null]", ",\"stepDownOrder\":\"A\"", ",\"currency\":5"),
            (departments, usage, rest) => $"{{\"departments\":[{string.Join(',', departments)}],\"usage\":[{string.Join(',', usage)}]{rest}}}");

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Amount(string text, bool asNumber) =>
        asNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && text.Trim() == text && text.Length > 0 && !text.StartsWith('.') ? text : Json(text);

    [Fact]
    public void TheAllocationModelParser_AndTheEngineAfterIt_AnswerAModelOrEveryProblem_ForAnyText() =>
        Fuzzing.Run("allocation-model", Gen.Frequency((3, Hostile.Text(ModelSeeds)), (2, Structured), (1, Gen.String)), ReadModel, text => Json(text));

    private static string ReadModel(string text)
    {
        var read = AllocationModelParser.Parse(text);
        if (!read.Succeeded)
        {
            Fuzzing.Require(read.Problems.Count > 0 && read.Problems.All(p => !string.IsNullOrWhiteSpace(p.Message)), "refused without a problem named");
            return "model: " + read.Problems[0].Message;
        }
        Fuzzing.Require(read.Problems.Count == 0, "a model and problems both");
        var answers = new List<string>();
        foreach (var method in Enum.GetValues<AllocationMethod>())
        {
            var outcome = Allocator.Allocate(read.Model!, new AllocationOptions(method));
            Fuzzing.Require(outcome.Succeeded ? outcome.Problems.Count == 0 : outcome.Problems.Count > 0, $"{method}: succeeded {outcome.Succeeded} with {outcome.Problems.Count} problems");
            answers.Add(outcome.Succeeded ? $"{method} allocated" : $"{method}: {outcome.Problems[0].Message}");
        }
        return string.Join("; ", answers);
    }
}
