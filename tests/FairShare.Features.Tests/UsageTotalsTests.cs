using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Persistence.Ledger;

namespace FairShare.Features.Tests;

/// <summary>The import's running totals agree with a plain grouping, in the order each total first appeared.</summary>
public sealed class UsageTotalsTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(7, 3_000)]
    [InlineData(20261125, 60_000)]
    public void Totals_MatchAGroupingOfTheRecords_InFirstAppearanceOrder(int seed, int records)
    {
        var random = new Random(seed);
        var usage = Enumerable.Range(0, records).Select(i => new RecordedUsage(
            random.Next(1, 3), random.Next(1, 3), $"R{i}", new DateOnly(2026, 1, 1).AddDays(random.Next(0, 400)),
            random.Next(1, 900), random.Next(1, 40), random.Next(0, 100_000) / 100m, "", "")).ToList();

        var rows = UsageSummaryRow.Of(usage, yearStartMonth: 4);

        var expected = usage.GroupBy(u => (u.AuthorityId, u.ImportBatchId, Period: AccountingPeriod.Containing(u.Date, 4), u.BuyerCostCentreId, u.OfferingId))
            .Select(g => (g.Key.AuthorityId, g.Key.ImportBatchId, g.Key.Period.Year.StartYear, g.Key.Period.Number, g.Key.BuyerCostCentreId, g.Key.OfferingId,
                g.Sum(u => u.Quantity), g.Count()))
            .ToList();
        Assert.Equal(expected, rows.Select(r => (r.AuthorityId, r.ImportBatchId, r.FinancialYearStart, r.PeriodNumber, r.BuyerCostCentreId, r.OfferingId, r.Quantity, r.Records)));
    }
}
