using System.Globalization;
using System.Text.RegularExpressions;
using FairShare.Allocation;
using FairShare.Domain;

namespace FairShare.Features.Inputs;

/// <summary>
/// What people type, read in one place for every door (pages, API, command line), with the same words and
/// the same messages: periods, dates, financial years, allocation methods and enumerations. Each answers a
/// value or an error naming the field; nothing here throws on bad input.
/// </summary>
public static partial class Parse
{
    /// <summary>The financial years FairShare keeps: 2000/01 to 2098/99.</summary>
    public const int FirstYear = 2000, LastYear = 2098;

    private static readonly string YearRange = $"FairShare keeps the financial years {FirstYear}/{(FirstYear + 1) % 100:00} to {LastYear}/{(LastYear + 1) % 100:00}";

    /// <summary>
    /// A period: a month as YYYY-MM (2026-05), or a period of a year as 2026/27-P05 (2026-P05 where the year is a
    /// calendar year, as its label writes it) — P13 is the year-end adjustment period.
    /// </summary>
    public static Result<AccountingPeriod> Period(string? text, int yearStartMonth, string field = "period")
    {
        var trimmed = (text ?? "").Trim();
        if (MonthPattern().Match(trimmed) is { Success: true } m)
        {
            var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return Result<AccountingPeriod>.Failure(field, $"'{Shown(text)}' is not a month: the month must be 01 to 12.");
            }
            var first = new DateOnly(Math.Clamp(year, 1, 9999), month, 1);
            var fy = year is >= 1 and <= 9999 ? FinancialYearStartOf(first, yearStartMonth) : -1;
            if (fy is < FirstYear or > LastYear)
            {
                return Result<AccountingPeriod>.Failure(field, $"'{Shown(text)}' is outside the years kept: {YearRange}.");
            }
            return Result<AccountingPeriod>.Success(AccountingPeriod.Containing(first, yearStartMonth));
        }
        if (YearPeriodPattern().Match(trimmed) is { Success: true } p)
        {
            // The year as its label writes it: 2026/27, or 2026 for a year that starts in January (whose P13 is written 2026-P13).
            var year = FinancialYear(p.Groups[1].Value, yearStartMonth, field);
            if (!year.IsSuccess)
            {
                return Result<AccountingPeriod>.Failure(year.Errors);
            }
            var number = int.Parse(p.Groups[2].Value, CultureInfo.InvariantCulture);
            return number is >= 1 and <= AccountingPeriod.AdjustmentPeriodNumber
                ? Result<AccountingPeriod>.Success(year.Value.Period(number))
                : Result<AccountingPeriod>.Failure(field, $"'{Shown(text)}' is not a period: a year has periods P01 to P12 and P13 for year-end adjustments.");
        }
        return Result<AccountingPeriod>.Failure(field, $"'{Shown(text)}' is not a period; write it as YYYY-MM (e.g. 2026-05), or 2026/27-P13 for the year-end adjustment period.");
    }

    /// <summary>A financial year, as its first calendar year (2026) or its label (2026/27).</summary>
    public static Result<FinancialYear> FinancialYear(string? text, int yearStartMonth, string field = "year")
    {
        var trimmed = (text ?? "").Trim();
        var m = YearPattern().Match(trimmed);
        if (!m.Success)
        {
            return Result<FinancialYear>.Failure(field, $"'{Shown(text)}' is not a financial year; write it as 2026 or 2026/27.");
        }
        var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (start is < FirstYear or > LastYear)
        {
            return Result<FinancialYear>.Failure(field, $"'{Shown(text)}' is outside the years kept: {YearRange}.");
        }
        if (m.Groups[2].Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) != (start + 1) % 100)
        {
            return Result<FinancialYear>.Failure(field, $"'{Shown(text)}' is not a financial year: the year after {start} is {(start + 1) % 100:00}.");
        }
        return Result<FinancialYear>.Success(new FinancialYear(start, yearStartMonth));
    }

    /// <summary>A financial year given as a number (an API route, a form's number field).</summary>
    public static Result<FinancialYear> FinancialYear(int start, int yearStartMonth, string field = "year") =>
        start is < FirstYear or > LastYear
            ? Result<FinancialYear>.Failure(field, $"{start} is outside the years kept: {YearRange}.")
            : Result<FinancialYear>.Success(new FinancialYear(start, yearStartMonth));

    /// <summary>A date as YYYY-MM-DD.</summary>
    public static Result<DateOnly> Date(string? text, string field = "date")
    {
        var trimmed = (text ?? "").Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.Year is >= FirstYear and <= LastYear + 1
                ? Result<DateOnly>.Success(date)
                : Result<DateOnly>.Failure(field, $"'{Shown(text)}' is outside the years kept: {YearRange}.");
        }
        return Result<DateOnly>.Failure(field, $"'{Shown(text)}' is not a date; write it as YYYY-MM-DD, e.g. 2026-05-14.");
    }

    /// <summary>How support services' remaining cost is allocated: reciprocal, direct or step-down.</summary>
    public static Result<AllocationMethod> Method(string? text, string field = "method")
    {
        var trimmed = (text ?? "").Trim();
        foreach (var (word, method) in RechargeMethods)
        {
            if (string.Equals(trimmed, word, StringComparison.OrdinalIgnoreCase) || string.Equals(trimmed, method.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return Result<AllocationMethod>.Success(method);
            }
        }
        return Result<AllocationMethod>.Failure(field, $"'{Shown(text)}' is not one of {string.Join(", ", RechargeMethods.Select(m => m.Word))}.");
    }

    /// <summary>The methods a recharge run may use, as written on every door.</summary>
    public static IReadOnlyList<(string Word, AllocationMethod Method)> RechargeMethods { get; } =
        [("reciprocal", AllocationMethod.Reciprocal), ("direct", AllocationMethod.Direct), ("step-down", AllocationMethod.StepDown)];

    /// <summary>The word a method is written as (reciprocal, direct, step-down).</summary>
    public static string Word(AllocationMethod method) => RechargeMethods.FirstOrDefault(m => m.Method == method).Word ?? method.ToSlug();

    /// <summary>One of an enumeration's documented words (kebab-case, e.g. budget-holder); never its number.</summary>
    public static Result<T> Word<T>(string? text, string field) where T : struct, Enum =>
        Slugs.TryParse<T>(text, out var value)
            ? Result<T>.Success(value)
            : Result<T>.Failure(field, $"'{Shown(text)}' is not one of {string.Join(", ", Slugs.All<T>())}.");

    /// <summary>How a CSV file's text is written: "utf-8" (the default when nothing is said) or "windows-1252".</summary>
    public static Result<Imports.ImportEncoding> Encoding(string? text, string field = "encoding")
    {
        var word = (text ?? "").Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return word switch
        {
            "" or "utf8" => Result<Imports.ImportEncoding>.Success(Imports.ImportEncoding.Utf8),
            "windows1252" or "cp1252" => Result<Imports.ImportEncoding>.Success(Imports.ImportEncoding.Windows1252),
            _ => Result<Imports.ImportEncoding>.Failure(field, $"'{Shown(text)}' is not an encoding FairShare reads: say utf-8 or windows-1252."),
        };
    }

    /// <summary>Long or odd input is shown cut short in messages, so an error never repeats a megabyte back.</summary>
    public static string Shown(string? text)
    {
        var s = text ?? "";
        return s.Length <= 40 ? s : s[..40] + "…";
    }

    private static int FinancialYearStartOf(DateOnly first, int startMonth) => first.Month >= startMonth ? first.Year : first.Year - 1;

    // Digits are 0-9 only: \d would also match other scripts' digits (２０２６, ٢٠٢٦), which int.Parse refuses.
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^([0-9]{4}(?:/[0-9]{2})?)-P([0-9]{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearPeriodPattern();

    [GeneratedRegex(@"^([0-9]{4})(?:/([0-9]{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
