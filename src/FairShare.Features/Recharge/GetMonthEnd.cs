using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <param name="Year">The financial year (2026 or 2026/27); null for the year of <paramref name="Period"/>, or of today.</param>
/// <param name="Period">A period whose year is wanted (2025-05, 2025/26-P13), as a run or a confirmation reached from another year's month end names it; ignored when it is not a period.</param>
public sealed record GetMonthEndRequest(string? Year = null, string? Period = null);

/// <summary>An import into a period; a withdrawn one is listed with when and by whom, and holds no records any more.</summary>
public sealed record ImportListing(int Id, ImportKind Kind, string FileName, int Rows, decimal Total, DateTimeOffset At, string ImportedBy,
    DateTimeOffset? WithdrawnAt = null, string? WithdrawnBy = null);

public sealed record RunListing(int Id, string Period, string Status, string Method, DateTimeOffset PostedAt, string PostedBy, DateTimeOffset? ReversedAt, bool PeriodClosed);

/// <summary>One period of the year at month end: its status, what was imported into it, its runs, and what may be done next.</summary>
public sealed record MonthEndPeriod(string Period, string Name, PeriodStatus Status, bool MonthHasEnded, IReadOnlyList<ImportListing> Imports, IReadOnlyList<RunListing> Runs,
    bool CanRun, bool CanReverse, bool CanClose, bool CanWithdrawImports = false)
{
    public string StatusWords => PeriodState.Words(Status);
}

/// <summary>The year's month end: twelve months and period 13, and the periods a finance officer would pick first.</summary>
public sealed record MonthEnd(string Year, int StartYear, bool MayChange, IReadOnlyList<MonthEndPeriod> Periods, string? NextToRun, string? NextToClose, string? LastPosted,
    string? PreviousYear, string? NextYear);

/// <summary>The month-end page's figures: each period's state, imports and runs, for finance officers and auditors.</summary>
public sealed class GetMonthEnd(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<MonthEnd>> HandleAsync(GetMonthEndRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadLedger, "see the month end") is { } forbidden)
        {
            return Outcome<MonthEnd>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        FinancialYear year;
        if (string.IsNullOrWhiteSpace(request.Year))
        {
            year = Parse.Period(request.Period, tenant.YearStartMonth) is { IsSuccess: true } period ? period.Value.Year : tenant.YearOf(today);
        }
        else
        {
            var parsed = Parse.FinancialYear(request.Year, tenant.YearStartMonth);
            if (!parsed.IsSuccess)
            {
                return Outcome<MonthEnd>.Invalid(parsed.Errors);
            }
            year = parsed.Value;
        }
        var statuses = await PeriodLedger.StatusesAsync(db, tenant.AuthorityId, year, cancellationToken);
        var mayChange = tenants.Actor.Has(Permission.RunRecharge) && tenants.Actor.Has(Permission.ImportLedgerData);
        var batches = await db.ImportBatches.AsNoTracking().Where(b => b.AuthorityId == tenant.AuthorityId && b.Rows > 0).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Kind, b.FileName, b.Rows, b.Total, b.At, b.ImportedBy, b.WithdrawnAt, b.WithdrawnBy, b.WithdrawnPeriods }).ToListAsync(cancellationToken);
        // Which periods each import wrote into, from the rows it left; a withdrawn one by the periods it recorded.
        var byPeriod = (await Imports.ImportPeriods.OfAsync(db, tenant.AuthorityId, year.StartYear, cancellationToken)).Select(p => (p.Period, p.Batch))
            .Concat(batches.Where(b => b.WithdrawnAt != null).SelectMany(b => Imports.ImportPeriods.Withdrawn(b.WithdrawnPeriods, tenant.YearStartMonth)
                .Where(p => p.Year == year).Select(p => (Period: p.Number, Batch: b.Id))))
            .Distinct().ToLookup(p => p.Period, p => p.Batch);
        var imports = batches.ToDictionary(b => b.Id, b => new ImportListing(b.Id, b.Kind, b.FileName, b.Rows, b.Total, b.At, b.ImportedBy, b.WithdrawnAt, b.WithdrawnBy));
        var runs = await db.RechargeRuns.AsNoTracking().Where(r => r.AuthorityId == tenant.AuthorityId && r.FinancialYearStart == year.StartYear)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);

        var periods = new List<MonthEndPeriod>();
        foreach (var period in year.PeriodsWithAdjustment)
        {
            var status = statuses[period.Number];
            var facts = new PeriodFacts(period.Previous is { } p ? statuses[p.Number] : null);
            var state = PeriodState.Load(tenant.AuthorityId, period, status);
            bool Can(PeriodTrigger t) => mayChange && state.Apply(t, facts).IsSuccess;
            var closed = status == PeriodStatus.Closed;
            periods.Add(new MonthEndPeriod(period.Month, period.ToString(), status, period.LastDay < today,
                [.. byPeriod[period.Number].Where(imports.ContainsKey).Order().Select(id => imports[id])],
                [.. runs.Where(r => r.PeriodNumber == period.Number).Select(r => Listing(r, year, closed))],
                Can(PeriodTrigger.PostRun), Can(PeriodTrigger.ReverseRun), Can(PeriodTrigger.Close), Can(PeriodTrigger.WithdrawImport)));
        }
        return new MonthEnd(year.Label, year.StartYear, mayChange, periods,
            NextToRun: periods.FirstOrDefault(p => p.CanRun && p.MonthHasEnded)?.Period ?? periods.FirstOrDefault(p => p.CanRun)?.Period,
            NextToClose: periods.FirstOrDefault(p => p.CanClose)?.Period,
            LastPosted: periods.LastOrDefault(p => p.Status is PeriodStatus.RunPosted or PeriodStatus.Closed && p.Runs.Count > 0)?.Period,
            PreviousYear: year.StartYear > Parse.FirstYear ? year.Previous.Label : null,
            NextYear: year.StartYear < Parse.LastYear ? year.Next.Label : null);
    }

    internal static RunListing Listing(RechargeRunRow r, FinancialYear year, bool periodClosed) =>
        new(r.Id, year.Period(r.PeriodNumber).Month, r.Status.ToString(), r.Method, r.PostedAt, r.PostedBy, r.ReversedAt, periodClosed);
}
