using System.Text.Json;
using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Features.Access;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <param name="Period">The month (2026-05) or period (2026/27-P05).</param>
/// <param name="DryRun">Work it out and show it, posting nothing.</param>
/// <param name="Method">reciprocal, direct or step-down for this run only; null for the authority's own.</param>
public sealed record PostRechargeRunRequest(string? Period, bool DryRun = false, string? Method = null);

/// <summary>What a run did (or, dry, would do): totals, journals, and each provider's recovery before and after allocation.</summary>
public sealed record RechargeRunSummary(
    int? RunId, string Period, string Method, bool Posted, int Transactions, int Postings, Money ActualCosts, Money Charges,
    Money Allocated, Money TotalCostBefore, Money TotalCostAfter, IReadOnlyList<ProviderRecovery> Providers, IReadOnlyList<string> Notes)
{
    public static RechargeRunSummary Of(MonthlyRechargeResult result, AccountingPeriod period, AllocationMethod method)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(null, period.Month, method.ToString(), false, result.Journals.Count, result.Postings, result.ActualCosts, result.Charged,
            result.Allocated, result.TotalCostBefore, result.TotalCostAfter, result.Providers, result.Notes);
    }
}

/// <summary>
/// The monthly recharge run: loads the period's costs, usage, orders and drivers, lets
/// <see cref="MonthlyRecharge"/> work out the journals and statement lines, and posts them in one database
/// transaction. The period's state table decides first whether it may be posted; a dry run posts nothing.
/// A period has at most one posted run, guaranteed by a unique index; reverse it to run again.
/// </summary>
public sealed class PostRechargeRun(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<RechargeRunSummary>> HandleAsync(PostRechargeRunRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.RunRecharge, "run the recharge") is { } forbidden)
        {
            return Outcome<RechargeRunSummary>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var errors = new List<DomainError>();
        var period = Parse.Period(request.Period, tenant.YearStartMonth);
        errors.AddRange(period.Errors);
        var chosen = string.IsNullOrWhiteSpace(request.Method) ? null : Parse.Method(request.Method);
        errors.AddRange(chosen?.Errors ?? []);
        if (errors.Count > 0)
        {
            return Outcome<RechargeRunSummary>.Invalid(errors);
        }
        var accounting = period.Value;
        var method = chosen?.Value ?? await db.Authorities.AsNoTracking().Where(a => a.Id == tenant.AuthorityId).Select(a => a.RechargeMethod).SingleAsync(cancellationToken);
        if (method is not (AllocationMethod.Reciprocal or AllocationMethod.Direct or AllocationMethod.StepDown))
        {
            return Outcome<RechargeRunSummary>.Invalid("method", "the recharge allocates by the reciprocal (default), direct or step-down method.");
        }
        var state = await PeriodLedger.StateAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        var decided = state.Apply(PeriodTrigger.PostRun, await PeriodLedger.FactsAsync(db, tenant.AuthorityId, accounting, cancellationToken));
        if (!decided.IsSuccess)
        {
            return Outcome.Refused<RechargeRunSummary>(await WithRunAsync(decided.Errors, accounting, cancellationToken));
        }

        progress?.Report("Loading costs, usage, orders and drivers");
        var input = await MonthlyRechargeInputs.LoadAsync(db, tenant.AuthorityId, accounting, method, cancellationToken);
        var now = clock.GetUtcNow();
        var who = tenants.Actor.Name;
        JournalHeader Header(string what) => new(tenant.AuthorityId, accounting, JournalSource.Run($"recharge {accounting.Month}"), what, who, now);

        progress?.Report("Pricing charges");
        var computed = MonthlyRecharge.Compute(input, state, Header);
        if (!computed.IsSuccess)
        {
            return Outcome.Refused<RechargeRunSummary>(computed.Errors);
        }
        var result = computed.Value;
        var summary = RechargeRunSummary.Of(result, accounting, method);
        var twoPeople = await TwoPeople.RequiredAsync(db, tenant.AuthorityId, cancellationToken);
        var figures = TwoPeople.Figures(summary, result);
        if (request.DryRun)
        {
            if (twoPeople)
            {
                // The first of the two people: what they prepared is recorded, for someone else to post.
                db.RechargeDryRuns.Add(new RechargeDryRunRow
                {
                    AuthorityId = tenant.AuthorityId,
                    FinancialYearStart = accounting.Year.StartYear,
                    PeriodNumber = accounting.Number,
                    Method = method.ToString(),
                    PreparedById = tenants.Actor.Id,
                    PreparedBy = who,
                    PreparedAt = now,
                    Figures = figures,
                });
                audit.Record("recharge.dry-run", "Period", accounting.Month, null, new { Period = accounting.Month, Method = method.ToString(), summary.Charges, summary.Allocated });
                await db.SaveChangesAsync(cancellationToken);
            }
            return summary;
        }
        var prepared = twoPeople ? TwoPersonRule.RestsOn(await TwoPeople.DryRunsAsync(db, tenant.AuthorityId, accounting, cancellationToken), tenants.Actor.Id, figures) : null;
        if (TwoPersonRule.Refusal(twoPeople, TwoPersonStep.Post, accounting.Month, tenants.Actor.Id, prepared, figures) is { } refusal)
        {
            return Outcome.Refused<RechargeRunSummary>([refusal]);
        }

        progress?.Report("Posting");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new RechargeRunRow
        {
            AuthorityId = tenant.AuthorityId,
            FinancialYearStart = accounting.Year.StartYear,
            PeriodNumber = accounting.Number,
            Status = RechargeRunStatus.Posted,
            Method = method.ToString(),
            PostedAt = now,
            PostedBy = who,
            PreparedBy = prepared?.PreparedBy,
            PreparedById = prepared?.PreparedById,
            Summary = JsonSerializer.Serialize(summary, FairShareJson.Compact),
        };
        db.RechargeRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run of the same period posted first: the unique index let exactly one through.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await PeriodLedger.PostedRunAsync(db, tenant.AuthorityId, accounting, cancellationToken);
            return Outcome<RechargeRunSummary>.Refused($"{accounting.Month} is already posted as run {winner?.Id}; reverse it first to run again.", "period");
        }
        progress?.Report("Writing journals and statement lines");
        var head = await LedgerWriter.SaveJournalsAsync(db, tenant.AuthorityId, [.. result.Journals.Select(j => LedgerWriter.ToRow(j, run.Id))], cancellationToken);
        db.JournalBatches.Add(JournalBatches.Of(tenant.AuthorityId, run.Id, JournalBatchKind.Run, accounting, result.Journals, who, now, head));
        await BulkInsert.WriteAsync(db, result.Lines.Select(l => LedgerWriter.ToRow(l, tenant.AuthorityId, run.Id)).ToList(), cancellationToken);
        audit.Record("recharge.run", "RechargeRun", run.Id, null,
            new { Period = accounting.Month, Method = method.ToString(), summary.Charges, summary.Allocated, summary.Transactions });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return summary with { RunId = run.Id, Posted = true };
    }

    /// <summary>A refusal for a posted period names the run, so the finance officer knows which one to reverse.</summary>
    private async Task<IReadOnlyList<DomainError>> WithRunAsync(IReadOnlyList<DomainError> errors, AccountingPeriod period, CancellationToken ct)
    {
        var posted = await PeriodLedger.PostedRunAsync(db, tenants.Current.AuthorityId, period, ct);
        return posted is null || errors.Count != 1
            ? errors
            : [errors[0] with { Message = $"{period.Month} is already posted as run {posted.Id}; reverse it first to run again." }];
    }
}
