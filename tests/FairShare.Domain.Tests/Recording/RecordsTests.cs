using FairShare.Domain.Recording;

namespace FairShare.Domain.Tests.Recording;

public class RecordsTests
{
    private static readonly AccountingPeriod May2026 = new FinancialYear(2026).Period(2);
    private static readonly DateTimeOffset Now = new(2026, 6, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AnImportBatch_KeepsItsFile_AndIsCompletedWithItsRowsAndControlTotal()
    {
        var batch = new ImportBatch(7, ImportKind.Costs, "costs-2026-05.csv", "ab12", 0, 0m, "finance", Now);

        batch.Complete(120, 45_000.50m);

        Assert.Equal((7, ImportKind.Costs, "costs-2026-05.csv", "ab12", 120, 45_000.50m, "finance", Now),
            (batch.AuthorityId, batch.Kind, batch.FileName, batch.ContentHash, batch.Rows, batch.Total, batch.ImportedBy, batch.At));
    }

    [Fact]
    public void AUsageRecord_KeepsWhoUsedWhatWhenForWhichJob()
    {
        var usage = new RecordedUsage(7, 3, "r1", new DateOnly(2026, 5, 10), 10, 100, 2.5m, "JOB-1", "staff");

        Assert.Equal((7, 3, "r1", new DateOnly(2026, 5, 10), 10, 100, 2.5m, "JOB-1", "staff"),
            (usage.AuthorityId, usage.ImportBatchId, usage.RecordId, usage.Date, usage.BuyerCostCentreId, usage.OfferingId, usage.Quantity, usage.JobReference, usage.RecordedBy));
    }

    [Fact]
    public void ADriverValueAndACost_AreKeptAgainstTheirYearAndPeriod()
    {
        var driver = new DriverValue(7, 3, May2026, 10, "FTE", 12.5m);
        var cost = new CostActual(7, 3, May2026, 10, "1000", new Money(-5_000));

        Assert.Equal((7, 3, 2026, 2, 10, "FTE", 12.5m), (driver.AuthorityId, driver.ImportBatchId, driver.FinancialYearStart, driver.PeriodNumber, driver.CostCentreId, driver.Driver, driver.Value));
        Assert.Equal((7, 3, 2026, 2, 10, "1000", new Money(-5_000)), (cost.AuthorityId, cost.ImportBatchId, cost.FinancialYearStart, cost.PeriodNumber, cost.CostCentreId, cost.Account, cost.Amount));
    }

    [Fact]
    public void AServiceOrder_IsForAPositiveQuantity()
    {
        var order = new ServiceOrder(7, 2026, 10, 300, 2m);

        Assert.Equal((7, 2026, 10, 300, 2m), (order.AuthorityId, order.FinancialYearStart, order.BuyerCostCentreId, order.OfferingId, order.Quantity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceOrder(7, 2026, 10, 300, 0m));
    }

    [Fact]
    public void UsageAndDriverValues_CannotBeNegative_ButMayBeNothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordedUsage(7, 3, "r1", new DateOnly(2026, 5, 10), 10, 100, -0.5m, "JOB-1", "staff"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriverValue(7, 3, May2026, 10, "FTE", -1m));
        Assert.Equal(0m, new RecordedUsage(7, 3, "r1", new DateOnly(2026, 5, 10), 10, 100, 0m, "JOB-1", "staff").Quantity);
        Assert.Equal(0m, new DriverValue(7, 3, May2026, 10, "FTE", 0m).Value);
    }

    [Fact]
    public void AProviderCost_GoesToOneBuyer_OrIsApportionedByADriver()
    {
        var attributed = new ProviderCost(7, 3, May2026, 1, 10, null, new Money(500), "Counsel");
        var apportioned = new ProviderCost(7, 3, May2026, 1, null, "m²", new Money(900), "Insurance");

        Assert.Equal((10, (string?)null, 2026, 2, 1, new Money(500), "Counsel"),
            (attributed.BuyerCostCentreId, attributed.Driver, attributed.FinancialYearStart, attributed.PeriodNumber, attributed.ProviderCostCentreId, attributed.Amount, attributed.Description));
        Assert.Equal(((int?)null, "m²"), (apportioned.BuyerCostCentreId, apportioned.Driver));
        Assert.Null(new ProviderCost(7, 3, May2026, 1, 10, "  ", new Money(500), "Counsel").Driver);
    }

    [Theory]
    [InlineData(10, "m²", 500)]
    [InlineData(null, " ", 500)]
    [InlineData(null, null, 500)]
    [InlineData(10, null, 0)]
    [InlineData(null, "m²", -1)]
    public void AProviderCost_ToBothOrNeitherOrOfNothing_IsAProgrammingError(int? buyer, string? driver, long pence) =>
        Assert.ThrowsAny<ArgumentException>(() => new ProviderCost(7, 3, May2026, 1, buyer, driver, new Money(pence), "x"));
}
