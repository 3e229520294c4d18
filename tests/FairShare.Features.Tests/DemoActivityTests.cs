using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Features.Demo;

namespace FairShare.Features.Tests;

/// <summary>The demo's year of usage: every month loaded but May, whose own records are the file left to import.</summary>
public sealed class DemoActivityTests
{
    private static readonly FinancialYear Year = new(2026);

    private static (IReadOnlyDictionary<string, CostCentre> Centres, IReadOnlyDictionary<string, int> Offerings) County()
    {
        var entities = DemoCatalogue.Build(Year.StartYear);
        var county = entities.OfType<Authority>().Single(a => a.Code == DemoCatalogue.CountyCode);
        var centres = entities.OfType<CostCentre>().Where(c => c.Authority == county).ToDictionary(c => c.Code);
        var offerings = entities.OfType<Offering>().Where(o => o.Authority == county)
            .Select((o, i) => (o.Code, Id: i + 1)).ToDictionary(o => o.Code, o => o.Id);
        return (centres, offerings);
    }

    private static List<(string Job, decimal Quantity, string By)> FileRows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (f[5], decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), f[6]))
            .ToList();

    [Fact]
    public void UsageFile_IsMaysOwnRecords_NotAnyLoadedMonthsOver()
    {
        var (centres, offerings) = County();
        var loaded = DemoActivity.Build(1, Year, centres, offerings, new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero))
            .OfType<RecordedUsage>().ToList();
        var csv = DemoActivity.UsageCsv(Year, centres);
        var may = Year.Period(DemoActivity.ImportedMonthNumber);

        var file = FileRows(csv);
        Assert.NotEmpty(file);
        Assert.All(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.StartsWith($"{may.Month}-", line, StringComparison.Ordinal));
        Assert.DoesNotContain(loaded, u => may.FirstDay <= u.Date && u.Date <= may.LastDay);
        foreach (var month in loaded.GroupBy(u => u.Date.Month))
        {
            var rows = month.OrderBy(u => u.RecordId, StringComparer.Ordinal).Select(u => (u.JobReference, u.Quantity, u.RecordedBy)).ToList();
            Assert.NotEqual(file, rows);
        }
    }
}
