using FairShare.Domain;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <summary>
/// Which periods each import wrote into, read from the records it left: usage by its totals, the rest by their
/// period. A withdrawn import left none; it keeps the periods it was in (<see cref="Domain.Recording.ImportBatch.WithdrawnPeriods"/>).
/// </summary>
internal static class ImportPeriods
{
    /// <summary>(import, financial year, period) for every import of the authority, or of one financial year.</summary>
    public static async Task<List<(int Batch, int YearStart, int Period)>> OfAsync(FairShareDbContext db, int authorityId, int? yearStart, CancellationToken ct)
    {
        var usage = await db.UsageSummaries.AsNoTracking().Where(u => u.AuthorityId == authorityId && (yearStart == null || u.FinancialYearStart == yearStart))
            .Select(u => new { u.ImportBatchId, u.FinancialYearStart, u.PeriodNumber }).Distinct().ToListAsync(ct);
        var costs = await db.CostActuals.AsNoTracking().Where(c => c.AuthorityId == authorityId && (yearStart == null || c.FinancialYearStart == yearStart))
            .Select(c => new { c.ImportBatchId, c.FinancialYearStart, c.PeriodNumber }).Distinct().ToListAsync(ct);
        var drivers = await db.DriverValues.AsNoTracking().Where(c => c.AuthorityId == authorityId && (yearStart == null || c.FinancialYearStart == yearStart))
            .Select(c => new { c.ImportBatchId, c.FinancialYearStart, c.PeriodNumber }).Distinct().ToListAsync(ct);
        var providers = await db.ProviderCosts.AsNoTracking().Where(c => c.AuthorityId == authorityId && (yearStart == null || c.FinancialYearStart == yearStart))
            .Select(c => new { c.ImportBatchId, c.FinancialYearStart, c.PeriodNumber }).Distinct().ToListAsync(ct);
        return [.. usage.Concat(costs).Concat(drivers).Concat(providers).Distinct().Select(p => (p.ImportBatchId, p.FinancialYearStart, p.PeriodNumber))];
    }

    /// <summary>The periods a withdrawn import was in, as it recorded them.</summary>
    public static IEnumerable<AccountingPeriod> Withdrawn(string? periods, int yearStartMonth) =>
        (periods ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Inputs.Parse.Period(p, yearStartMonth)).Where(p => p.IsSuccess).Select(p => p.Value);
}
