namespace FairShare.Domain.Tests;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2026-04-01", 2026, 1)]
    [InlineData("2026-05-31", 2026, 2)]
    [InlineData("2027-03-31", 2026, 12)]
    [InlineData("2026-03-31", 2025, 12)]
    public void UkCouncilYear_RunsAprilToMarch(string date, int startYear, int period)
    {
        var p = AccountingPeriod.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(startYear, p.Year.StartYear);
        Assert.Equal(period, p.Number);
    }

    [Fact]
    public void SeptemberYear_FitsWithoutSpecialCases()
    {
        var year = new FinancialYear(2026, 9);
        Assert.Equal(new DateOnly(2026, 9, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2027, 8, 31), year.LastDay);
        Assert.Equal("2026-09", year.Period(1).Month);
        Assert.Equal("2027-08", year.Period(12).Month);
        Assert.Equal(4, AccountingPeriod.Containing(new DateOnly(2026, 12, 15), 9).Number);
    }

    [Fact]
    public void Year_HasTwelvePeriodsCoveringEveryDayOnce()
    {
        var year = new FinancialYear(2027);
        var periods = year.Periods.ToList();
        Assert.Equal(12, periods.Count);
        Assert.Equal(year.FirstDay, periods[0].FirstDay);
        Assert.Equal(year.LastDay, periods[11].LastDay);
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.LastDay.AddDays(1), pair.Second.FirstDay));
        Assert.Equal("2027/28", year.Label);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    [InlineData(-1)]
    public void Period_OutsideOneToThirteen_IsMisuse(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(2026).Period(number));

    [Fact]
    public void PeriodThirteen_IsTheYearEndAdjustmentPeriod_AfterMarch() =>
        Assert.Equal(("2026/27-P13", new DateOnly(2027, 3, 31)), (new FinancialYear(2026).Period(13).Month, new FinancialYear(2026).Period(13).FirstDay));

    [Theory]
    [InlineData(1899, 4)]
    [InlineData(9999, 4)]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    public void AYear_OutsideTheCalendarsWeKeepOrStartingInNoMonth_IsMisuse(int startYear, int startMonth) =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(startYear, startMonth));

    [Theory]
    [InlineData(1900, 1, "1900")]
    [InlineData(9998, 12, "9998/99")]
    [InlineData(2026, 4, "2026/27")]
    [InlineData(2099, 9, "2099/00")]
    public void AYear_IsLabelledAsFinanceStaffWriteIt(int startYear, int startMonth, string label) =>
        Assert.Equal(label, new FinancialYear(startYear, startMonth).Label);

    [Theory]
    [InlineData("2026-03-31", false)]
    [InlineData("2026-04-01", true)]
    [InlineData("2026-10-15", true)]
    [InlineData("2027-03-31", true)]
    [InlineData("2027-04-01", false)]
    public void AYear_ContainsTheDaysFromItsFirstToItsLast(string date, bool contains) =>
        Assert.Equal(contains, new FinancialYear(2026).Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TheNextAndPreviousYears_StartInTheSameMonth() =>
        Assert.Equal((new FinancialYear(2027, 9), new FinancialYear(2025, 9)), (new FinancialYear(2026, 9).Next, new FinancialYear(2026, 9).Previous));
}
