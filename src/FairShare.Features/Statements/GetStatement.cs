using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Features.Recharge;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Statements;

/// <summary>
/// One statement line. For allocated support cost, <c>Via</c> is the support service it reached the buyer
/// through, or null when it came straight from where it arose.
/// </summary>
public sealed record StatementLine(string Counterparty, string? Offering, RechargeLineKind Kind, decimal? Quantity, decimal? UnitPrice, Money Amount, string Explanation,
    IReadOnlyList<string> RecordIds, string? Via)
{
    /// <summary>The mechanism as it is written in files: pay-as-you-go, allocated-support-cost…</summary>
    public string Mechanism => Kind.ToSlug();
}

/// <summary>Allocated support cost from one origin, in total and by path (direct, or through another support service).</summary>
public sealed record AllocatedOrigin(string Origin, Money Total, Money Direct, IReadOnlyList<(string Via, Money Amount)> Through);

/// <summary>
/// A cost centre's statement for a period, in CIPFA SeRCOP's two views kept apart: the charges it controls
/// (what it bought, at its price, line by line with the source of each) and the support costs apportioned to
/// it for full-cost reporting (not controllable by it), with where they came from and by which path. For a
/// support service, also what it earned, from whom, and whether it recovered its cost.
/// </summary>
public sealed record Statement(
    int CostCentreId, string Code, string Name, CostCentreKind Kind, string Period, int? RunId,
    IReadOnlyList<StatementLine> Charges, Money ChargesTotal, IReadOnlyList<StatementLine> Allocated, Money AllocatedTotal,
    IReadOnlyList<AllocatedOrigin> AllocatedByOrigin, Money Total,
    Money? PreviousPeriodTotal, Money? AnnualBudget, Money YearToDate,
    IReadOnlyList<StatementLine> Income, Money IncomeTotal, ProviderRecovery? Recovery);

/// <summary>
/// A cost centre's statement for a period (2026-05), or for the last posted one when the period is null. The
/// cost centre by its id, or by its code when one is given (the command line's way).
/// </summary>
public sealed record GetStatementRequest(int CostCentreId, string? Period, string? CostCentreCode = null);

public sealed class GetStatement(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<Statement>> HandleAsync(GetStatementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = tenants.Current;
        var code = request.CostCentreCode?.Trim();
        var centre = await db.CostCentres.AsNoTracking().Include(c => c.Budgets)
            .FirstOrDefaultAsync(c => c.AuthorityId == tenant.AuthorityId && (code != null ? c.Code == code : c.Id == request.CostCentreId), cancellationToken);
        if (centre is null)
        {
            return Outcome<Statement>.NotFound(code is null ? $"There is no cost centre {request.CostCentreId}." : $"There is no cost centre '{Inputs.Parse.Shown(code)}'.");
        }
        if (!tenants.Actor.CanReadCostCentre(centre.Id))
        {
            return Outcome<Statement>.Forbidden($"{TenantContext.Describe(tenants.Actor)} cannot see the statement of {centre.Code} {centre.Name}: it is outside the cost centres of their role.");
        }
        AccountingPeriod accounting;
        if (string.IsNullOrWhiteSpace(request.Period))
        {
            var last = await db.RechargeRuns.AsNoTracking().Where(r => r.AuthorityId == tenant.AuthorityId && r.Status == RechargeRunStatus.Posted)
                .OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.PeriodNumber).Select(r => new { r.FinancialYearStart, r.PeriodNumber })
                .FirstOrDefaultAsync(cancellationToken);
            accounting = last is null
                ? AccountingPeriod.Containing(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), tenant.YearStartMonth)
                : new FinancialYear(last.FinancialYearStart, tenant.YearStartMonth).Period(last.PeriodNumber);
        }
        else
        {
            var parsed = PeriodLedger.Parse(request.Period, tenant);
            if (!parsed.IsSuccess)
            {
                return Outcome<Statement>.Invalid(parsed.Errors);
            }
            accounting = parsed.Value;
        }
        var costCentreId = centre.Id;
        var names = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == tenant.AuthorityId).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.AuthorityId == tenant.AuthorityId).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var runs = await db.RechargeRuns.AsNoTracking()
            .Where(r => r.AuthorityId == tenant.AuthorityId && r.FinancialYearStart == accounting.Year.StartYear && r.Status == RechargeRunStatus.Posted)
            .ToListAsync(cancellationToken);
        var run = runs.FirstOrDefault(r => r.PeriodNumber == accounting.Number);
        var lines = run is null ? [] : await db.RechargeLines.AsNoTracking()
            .Where(l => l.RechargeRunId == run.Id && (l.BuyerCostCentreId == costCentreId || l.ProviderCostCentreId == costCentreId)).OrderBy(l => l.Id).ToListAsync(cancellationToken);

        StatementLine Line(RechargeLineRow l, int counterparty)
        {
            var (kind, detail) = LedgerWriter.Typed(l);
            return new(names.GetValueOrDefault(counterparty, "?"), l.OfferingId is { } o ? offerings.GetValueOrDefault(o) : null, kind, l.Quantity, l.UnitPrice,
                new Money(l.AmountPence), l.Explanation, detail is SourceRecords r ? r.RecordIds : [],
                detail is AllocationPath { ViaCostCentreId: { } via } ? names.GetValueOrDefault(via, "?") : null);
        }

        var bought = lines.Where(l => l.BuyerCostCentreId == costCentreId).Select(l => (Row: l, Line: Line(l, l.ProviderCostCentreId))).ToList();
        // The usage records behind each pay-as-you-go line: the run priced them as totals per offering, and a
        // posted period takes no more records, so these are exactly the records it priced.
        var records = run is null ? [] : (await db.Usage.AsNoTracking()
                .Where(u => u.AuthorityId == tenant.AuthorityId && u.BuyerCostCentreId == costCentreId && u.Date >= accounting.FirstDay && u.Date <= accounting.LastDay)
                .Select(u => new { u.OfferingId, u.RecordId }).ToListAsync(cancellationToken))
            .GroupBy(u => u.OfferingId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(u => u.RecordId).Order(StringComparer.Ordinal)]);
        var charges = bought.Where(b => b.Line.Kind != RechargeLineKind.AllocatedSupportCost)
            .Select(b => b.Line.Kind == RechargeLineKind.PayAsYouGo && b.Line.RecordIds.Count == 0 && b.Row.OfferingId is { } o
                ? b.Line with { RecordIds = records.GetValueOrDefault(o, []) }
                : b.Line).ToList();
        var allocated = bought.Where(b => b.Line.Kind == RechargeLineKind.AllocatedSupportCost).Select(b => b.Line).ToList();
        var byOrigin = allocated.GroupBy(a => a.Counterparty).Select(g => new AllocatedOrigin(g.Key, Sum(g), Sum(g.Where(a => a.Via is null)),
            [.. g.Where(a => a.Via is not null).GroupBy(a => a.Via!).Select(v => (v.Key, Sum(v)))])).OrderByDescending(o => o.Total).ToList();
        var income = lines.Where(l => l.ProviderCostCentreId == costCentreId && l.Mechanism != nameof(RechargeLineKind.AllocatedSupportCost))
            .Select(l => Line(l, l.BuyerCostCentreId)).ToList();
        var chargesTotal = Sum(charges);
        var allocatedTotal = Sum(allocated);

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
            charges, chargesTotal, allocated, allocatedTotal, byOrigin, chargesTotal + allocatedTotal, previousTotal, centre.BudgetFor(accounting.Year)?.Amount, yearToDate,
            income, Sum(income), recovery);
    }

    private static Money Sum(IEnumerable<StatementLine> lines) => new(lines.Sum(l => l.Amount.Pence));
}
