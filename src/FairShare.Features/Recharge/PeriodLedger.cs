using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <summary>
/// Where the month end's use cases load a period's state from: its close record and its posted run. The
/// state table in <see cref="PeriodState"/> decides what may happen next; this only loads.
/// </summary>
internal static class PeriodLedger
{
    public static async Task<PeriodState> StateAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct)
    {
        var statuses = await StatusesAsync(db, authorityId, period.Year, ct);
        return PeriodState.Load(authorityId, period, statuses[period.Number]);
    }

    /// <summary>The facts the period's guards read: the status of the period before it.</summary>
    public static async Task<PeriodFacts> FactsAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct)
    {
        if (period.Previous is not { } previous)
        {
            return new PeriodFacts(null);
        }
        var statuses = await StatusesAsync(db, authorityId, period.Year, ct);
        return new PeriodFacts(statuses[previous.Number]);
    }

    /// <summary>Every period of a year (1 to 13) and its status.</summary>
    public static async Task<IReadOnlyDictionary<int, PeriodStatus>> StatusesAsync(FairShareDbContext db, int authorityId, FinancialYear year, CancellationToken ct)
    {
        var closed = await db.PeriodStatuses.AsNoTracking()
            .Where(p => p.AuthorityId == authorityId && p.FinancialYearStart == year.StartYear && p.Closed).Select(p => p.PeriodNumber).ToListAsync(ct);
        var posted = await db.RechargeRuns.AsNoTracking()
            .Where(r => r.AuthorityId == authorityId && r.FinancialYearStart == year.StartYear && r.Status == RechargeRunStatus.Posted).Select(r => r.PeriodNumber).ToListAsync(ct);
        return year.PeriodsWithAdjustment.ToDictionary(p => p.Number,
            p => closed.Contains(p.Number) ? PeriodStatus.Closed : posted.Contains(p.Number) ? PeriodStatus.RunPosted : PeriodStatus.Open);
    }

    public static Task<RechargeRunRow?> PostedRunAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct) =>
        db.RechargeRuns.AsNoTracking().FirstOrDefaultAsync(r => r.AuthorityId == authorityId && r.FinancialYearStart == period.Year.StartYear
            && r.PeriodNumber == period.Number && r.Status == RechargeRunStatus.Posted, ct);

    /// <summary>
    /// The period a request names, parsed, its state loaded and the trigger decided by the period's table: the
    /// common start of every use case that moves a period. Errors are invalid input (a bad period) or a refusal.
    /// </summary>
    public static async Task<Outcome<(AccountingPeriod Period, PeriodState State, string? Warning)>> DecideAsync(
        FairShareDbContext db, Tenancy.Tenant tenant, string? period, PeriodTrigger trigger, CancellationToken ct)
    {
        var parsed = Parse(period, tenant);
        if (!parsed.IsSuccess)
        {
            return Outcome<(AccountingPeriod, PeriodState, string?)>.Invalid(parsed.Errors);
        }
        var state = await StateAsync(db, tenant.AuthorityId, parsed.Value, ct);
        var decided = state.Apply(trigger, await FactsAsync(db, tenant.AuthorityId, parsed.Value, ct));
        return decided.IsSuccess
            ? Outcome<(AccountingPeriod, PeriodState, string?)>.Ok((parsed.Value, state, decided.Value.Warning))
            : Outcome.Refused<(AccountingPeriod, PeriodState, string?)>(decided.Errors);
    }

    /// <summary>Parses the period a request names, for use cases that act on one.</summary>
    public static Result<AccountingPeriod> Parse(string? text, Tenancy.Tenant tenant) => Inputs.Parse.Period(text, tenant.YearStartMonth);
}
