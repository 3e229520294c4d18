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

    /// <summary>
    /// The years that take records on <paramref name="today"/>: the current one, the previous one until its
    /// year-end adjustment period (P13) closes, and the next one (budgets and early orders are made ahead).
    /// </summary>
    public static IReadOnlyList<FinancialYear> OpenForRecords(DateOnly today, int startMonth, bool previousYearClosed)
    {
        var current = Containing(today, startMonth);
        return previousYearClosed ? [current, current.Next] : [current.Previous, current, current.Next];
    }
    public FinancialYear Previous => new(StartYear - 1, StartMonth);

    public AccountingPeriod Period(int number) => new(this, number);

    /// <summary>The twelve months, in order.</summary>
    public IEnumerable<AccountingPeriod> Periods => Enumerable.Range(1, AccountingPeriod.PeriodsPerYear).Select(Period);

    /// <summary>The twelve months and the year-end adjustment period after them.</summary>
    public IEnumerable<AccountingPeriod> PeriodsWithAdjustment => Enumerable.Range(1, AccountingPeriod.AdjustmentPeriodNumber).Select(Period);

    /// <summary>Period 13, the year-end adjustment period.</summary>
    public AccountingPeriod Adjustment => new(this, AccountingPeriod.AdjustmentPeriodNumber);

    public override string ToString() => Label;
}

/// <summary>
/// One accounting period of a <see cref="FinancialYear"/>: the twelve months, numbered 1 to 12 from the
/// year's start, and period 13, the year-end adjustment period after the last month, which takes the
/// year-end journals only (no instalments, no recharge run). Period 13 has no month of its own: its dates are
/// the year's last day, and it is written <c>2026/27-P13</c> on every door.
/// </summary>
public readonly record struct AccountingPeriod
{
    public const int PeriodsPerYear = 12;
    public const int AdjustmentPeriodNumber = 13;

    public AccountingPeriod(FinancialYear year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, AdjustmentPeriodNumber);
        Year = year;
        Number = number;
    }

    public FinancialYear Year { get; }
    public int Number { get; }

    /// <summary>Period 13: the year-end adjustment period.</summary>
    public bool IsAdjustment => Number == AdjustmentPeriodNumber;

    public DateOnly FirstDay => IsAdjustment ? Year.LastDay : Year.FirstDay.AddMonths(Number - 1);
    public DateOnly LastDay => IsAdjustment ? Year.LastDay : FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>How the period is written on the command line, in files and URLs: YYYY-MM for a month, 2026/27-P13 for the adjustment period.</summary>
    public string Month => IsAdjustment
        ? $"{Year.Label}-P{AdjustmentPeriodNumber}"
        : FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The period before this one, or null for the first month of the year.</summary>
    public AccountingPeriod? Previous => Number > 1 ? new AccountingPeriod(Year, Number - 1) : null;

    /// <summary>The month containing <paramref name="date"/> (never period 13, which has no dates of its own).</summary>
    public static AccountingPeriod Containing(DateOnly date, int startMonth = FinancialYear.UkCouncilStartMonth)
    {
        var year = FinancialYear.Containing(date, startMonth);
        var months = ((date.Year - year.StartYear) * 12) + date.Month - year.StartMonth;
        return new AccountingPeriod(year, months + 1);
    }

    public override string ToString() => IsAdjustment
        ? $"{Year.Label} P13 (year-end adjustments)"
        : $"{Year.Label} P{Number:00} ({FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})";
}
