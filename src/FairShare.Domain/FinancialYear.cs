using System.Globalization;

namespace FairShare.Domain;

/// <summary>
/// A financial year of twelve accounting periods. UK councils run April to March
/// (<see cref="StartMonth"/> 4), but the start month is part of the value so that a body on a
/// September–August year (an academy trust, a university) fits without special cases.
/// </summary>
public readonly record struct FinancialYear
{
    public const int UkCouncilStartMonth = 4;

    public FinancialYear(int startYear, int startMonth = UkCouncilStartMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        StartYear = startYear;
        StartMonth = startMonth;
    }

    public int StartYear { get; }
    public int StartMonth { get; }

    public DateOnly FirstDay => new(StartYear, StartMonth, 1);
    public DateOnly LastDay => FirstDay.AddYears(1).AddDays(-1);

    /// <summary>"2026/27" for a year starting in 2026 (and "2026" for a January–December year).</summary>
    public string Label => StartMonth == 1
        ? StartYear.ToString(CultureInfo.InvariantCulture)
        : $"{StartYear}/{(StartYear + 1) % 100:00}";

    public static FinancialYear Containing(DateOnly date, int startMonth = UkCouncilStartMonth) =>
        new(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public FinancialYear Next => new(StartYear + 1, StartMonth);
    public FinancialYear Previous => new(StartYear - 1, StartMonth);

    public AccountingPeriod Period(int number) => new(this, number);

    public IEnumerable<AccountingPeriod> Periods => Enumerable.Range(1, AccountingPeriod.PeriodsPerYear).Select(Period);

    public override string ToString() => Label;
}

/// <summary>One accounting month of a <see cref="FinancialYear"/>, numbered 1 to 12 from the year's start.</summary>
public readonly record struct AccountingPeriod
{
    public const int PeriodsPerYear = 12;

    public AccountingPeriod(FinancialYear year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, PeriodsPerYear);
        Year = year;
        Number = number;
    }

    public FinancialYear Year { get; }
    public int Number { get; }

    public DateOnly FirstDay => Year.FirstDay.AddMonths(Number - 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>The calendar month as YYYY-MM, the form used on the command line and in files.</summary>
    public string Month => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static AccountingPeriod Containing(DateOnly date, int startMonth = FinancialYear.UkCouncilStartMonth)
    {
        var year = FinancialYear.Containing(date, startMonth);
        var months = ((date.Year - year.StartYear) * 12) + date.Month - year.StartMonth;
        return new AccountingPeriod(year, months + 1);
    }

    public override string ToString() => $"{Year.Label} P{Number:00} ({FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})";
}
