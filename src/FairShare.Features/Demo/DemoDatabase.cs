using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Demo;

/// <summary>What hosts ask of the demo before and after loading it: is the database empty, is the demo in it, and its importable month of usage.</summary>
public sealed class DemoDatabase(FairShareDbContext db, TimeProvider clock)
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Authorities.AnyAsync(cancellationToken);

    /// <summary>Whether this database holds the demo (so the demo sign-in page may list its accounts).</summary>
    public async Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default) =>
        await db.Authorities.AnyAsync(a => a.Code == DemoCatalogue.CountyCode, cancellationToken);

    /// <summary>The month of usage the demo leaves out, as the CSV file a finance officer imports: its name and content.</summary>
    public async Task<(string Name, string Csv)> ImportableUsageAsync(CancellationToken cancellationToken = default)
    {
        var county = await db.Authorities.AsNoTracking().SingleAsync(a => a.Code == DemoCatalogue.CountyCode, cancellationToken);
        var year = county.FinancialYearOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var centres = await db.AsSystemAsync(async () => await db.CostCentres.AsNoTracking().Include(c => c.Budgets)
            .Where(c => c.AuthorityId == county.Id).ToDictionaryAsync(c => c.Code, cancellationToken));
        return ($"demo-usage-{year.Period(DemoActivity.ImportedMonthNumber).Month}.csv", DemoActivity.UsageCsv(year, centres));
    }
}
