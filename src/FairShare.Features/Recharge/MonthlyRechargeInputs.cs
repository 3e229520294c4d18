using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <summary>Loads everything the month's arithmetic reads, once, as plain data for <see cref="MonthlyRecharge.Compute"/>.</summary>
internal static class MonthlyRechargeInputs
{
    public static async Task<MonthlyRechargeInput> LoadAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, AllocationMethod method, CancellationToken ct)
    {
        // Every list in id order: PostgreSQL returns rows in no set order, and a run must post the same journal
        // (line for line) whenever it is run on the same data.
        var rows = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Name, c.Kind, c.AllocationDriver }).ToListAsync(ct);
        var centres = rows.Select(c => new AllocationCostCentre(c.Id, c.Code, c.Name, c.Kind)).ToList();
        var allocationDrivers = rows.Where(c => c.AllocationDriver is not null).ToDictionary(c => c.Id, c => c.AllocationDriver!);
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Authority).Include(o => o.Prices).Include(o => o.ChargingClassChanges)
            .Where(o => o.AuthorityId == authorityId && o.ProviderCostCentreId != null).OrderBy(o => o.Id).ToDictionaryAsync(o => o.Id, ct);
        int year = period.Year.StartYear, number = period.Number;
        var actuals = await db.CostActuals.AsNoTracking()
            .Where(c => c.AuthorityId == authorityId && c.FinancialYearStart == year && c.PeriodNumber == number).OrderBy(c => c.Id).ToListAsync(ct);
        // Usage comes totalled per (period, buyer, offering) by each import: a large council's month is millions
        // of records, and prices hold for the whole year, so the totals are all the pricing needs.
        var summaries = await db.UsageSummaries.AsNoTracking()
            .Where(u => u.AuthorityId == authorityId && u.FinancialYearStart == year && u.PeriodNumber <= number).OrderBy(u => u.Id)
            .Select(u => new { u.PeriodNumber, u.BuyerCostCentreId, u.OfferingId, u.Quantity, u.Records }).ToListAsync(ct);
        var usage = summaries.Where(u => u.PeriodNumber == number).GroupBy(u => (u.BuyerCostCentreId, u.OfferingId))
            .Select(g => new UsageTotal(g.Key.BuyerCostCentreId, g.Key.OfferingId, g.Sum(u => u.Quantity), g.Sum(u => u.Records))).ToList();
        var before = summaries.Where(u => u.PeriodNumber < number).GroupBy(u => (u.BuyerCostCentreId, u.OfferingId))
            .ToDictionary(g => g.Key, g => g.Sum(u => u.Quantity));
        var orders = await db.ServiceOrders.AsNoTracking().Where(o => o.AuthorityId == authorityId && o.FinancialYearStart == year).OrderBy(o => o.Id).ToListAsync(ct);
        var drivers = await db.DriverValues.AsNoTracking()
            .Where(d => d.AuthorityId == authorityId && d.FinancialYearStart == year && d.PeriodNumber == number).OrderBy(d => d.Id).ToListAsync(ct);
        var providerCosts = await db.ProviderCosts.AsNoTracking()
            .Where(c => c.AuthorityId == authorityId && c.FinancialYearStart == year && c.PeriodNumber == number).OrderBy(c => c.Id).ToListAsync(ct);
        return new MonthlyRechargeInput(period, method, centres, offerings, actuals, usage, before, orders, drivers, providerCosts, allocationDrivers);
    }
}
