using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

public sealed record StatementLine(string Counterparty, string? Offering, string Mechanism, decimal? Quantity, decimal? UnitPrice, Money Amount, string Explanation, string Detail);

/// <summary>
/// A cost centre's statement for a period: what it was charged, line by line with the source of each, and the
/// support costs allocated to it with where they came from; for a support service, also what it earned, from
/// whom, and whether it recovered its cost.
/// </summary>
public sealed record Statement(
    int CostCentreId, string Code, string Name, CostCentreKind Kind, string Period, int? RunId,
    IReadOnlyList<StatementLine> Charges, IReadOnlyList<StatementLine> Allocated, Money Total,
    Money? PreviousPeriodTotal, Money? AnnualBudget, Money YearToDate,
    IReadOnlyList<StatementLine> Income, Money IncomeTotal, ProviderRecovery? Recovery);

public sealed class GetStatement(FairShareDbContext db, TenantContext tenants)
{
    /// <returns>The statement, or null when this authority has no such cost centre.</returns>
    public async Task<Statement?> HandleAsync(int costCentreId, string period, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.Current;
        var accounting = RechargePeriods.Parse(period, tenant.YearStartMonth);
        var centre = await db.CostCentres.AsNoTracking().Include(c => c.Budgets)
            .FirstOrDefaultAsync(c => c.Id == costCentreId && c.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (centre is null)
        {
            return null;
        }
        if (!tenants.Actor.CanReadCostCentre(centre.Id))
        {
            throw new AccessDeniedException($"{TenantContext.Describe(tenants.Actor)} cannot see the statement of {centre.Code} {centre.Name}: it is outside the cost centres of their role.");
        }
        var names = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == tenant.AuthorityId).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.AuthorityId == tenant.AuthorityId).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var runs = await db.RechargeRuns.AsNoTracking()
            .Where(r => r.AuthorityId == tenant.AuthorityId && r.FinancialYearStart == accounting.Year.StartYear && r.Status == RechargeRunStatus.Posted)
            .ToListAsync(cancellationToken);
        var run = runs.FirstOrDefault(r => r.PeriodNumber == accounting.Number);
        var lines = run is null ? [] : await db.RechargeLines.AsNoTracking()
            .Where(l => l.RechargeRunId == run.Id && (l.BuyerCostCentreId == costCentreId || l.ProviderCostCentreId == costCentreId)).ToListAsync(cancellationToken);

        StatementLine Line(RechargeLineRow l, int counterparty) => new(names.GetValueOrDefault(counterparty, "?"), l.OfferingId is { } o ? offerings.GetValueOrDefault(o) : null,
            l.Mechanism, l.Quantity, l.UnitPrice, new Money(l.AmountPence), l.Explanation, l.Detail);

        var bought = lines.Where(l => l.BuyerCostCentreId == costCentreId).ToList();
        // The usage records behind each pay-as-you-go line: the run priced them as totals per offering, and a
        // posted period takes no more records, so these are exactly the records it priced.
        var records = run is null ? [] : (await db.Usage.AsNoTracking()
                .Where(u => u.AuthorityId == tenant.AuthorityId && u.BuyerCostCentreId == costCentreId && u.Date >= accounting.FirstDay && u.Date <= accounting.LastDay)
                .Select(u => new { u.OfferingId, u.RecordId }).ToListAsync(cancellationToken))
            .GroupBy(u => u.OfferingId)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(u => u.RecordId).Order(StringComparer.Ordinal)));
        var charges = bought.Where(l => l.Mechanism != RechargeComputation.AllocatedMechanism)
            .Select(l => Line(l, l.ProviderCostCentreId) is var line && l.Mechanism == nameof(ChargeMechanism.PayAsYouGo) && line.Detail.Length == 0 && l.OfferingId is { } o
                ? line with { Detail = records.GetValueOrDefault(o, "") }
                : line).ToList();
        var allocated = bought.Where(l => l.Mechanism == RechargeComputation.AllocatedMechanism).Select(l => Line(l, l.ProviderCostCentreId)).ToList();
        var income = lines.Where(l => l.ProviderCostCentreId == costCentreId && l.Mechanism != RechargeComputation.AllocatedMechanism)
            .Select(l => Line(l, l.BuyerCostCentreId)).ToList();
        var total = new Money(charges.Sum(c => c.Amount.Pence) + allocated.Sum(a => a.Amount.Pence));

        var previous = accounting.Number > 1 ? runs.FirstOrDefault(r => r.PeriodNumber == accounting.Number - 1) : null;
        Money? previousTotal = previous is null ? null : new Money(await db.RechargeLines.AsNoTracking()
            .Where(l => l.RechargeRunId == previous.Id && l.BuyerCostCentreId == costCentreId).SumAsync(l => l.AmountPence, cancellationToken));
        var yearRuns = runs.Where(r => r.PeriodNumber <= accounting.Number).Select(r => r.Id).ToList();
        var yearToDate = new Money(await db.RechargeLines.AsNoTracking()
            .Where(l => yearRuns.Contains(l.RechargeRunId) && l.BuyerCostCentreId == costCentreId).SumAsync(l => l.AmountPence, cancellationToken));
        ProviderRecovery? recovery = null;
        if (run is not null && centre.Kind == CostCentreKind.Support)
        {
            var summary = System.Text.Json.JsonSerializer.Deserialize<RechargeRunSummary>(run.Summary, FairShareJson.Compact);
            recovery = summary?.Providers.FirstOrDefault(p => p.Code == centre.Code);
        }
        return new Statement(centre.Id, centre.Code, centre.Name, centre.Kind, accounting.Month, run?.Id,
            charges, allocated, total, previousTotal, centre.BudgetFor(accounting.Year)?.Amount, yearToDate,
            income, new Money(income.Sum(i => i.Amount.Pence)), recovery);
    }
}
