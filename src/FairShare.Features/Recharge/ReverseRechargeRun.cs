using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

public sealed record ReverseRechargeRunRequest(string? Period);

/// <summary>Reverses the period's posted run with exact reversing journals; the period is open again and can be run again.</summary>
public sealed class ReverseRechargeRun(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Done>> HandleAsync(ReverseRechargeRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.RunRecharge, "reverse the recharge") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var decided = await PeriodLedger.DecideAsync(db, tenant, request.Period, PeriodTrigger.ReverseRun, cancellationToken);
        if (!decided.IsOk)
        {
            return Outcome<Done>.From(decided);
        }
        var (accounting, state, _) = decided.Value;
        var run = await db.RechargeRuns.SingleAsync(r => r.AuthorityId == tenant.AuthorityId && r.FinancialYearStart == accounting.Year.StartYear
            && r.PeriodNumber == accounting.Number && r.Status == RechargeRunStatus.Posted, cancellationToken);
        if (TwoPersonRule.Refusal(await TwoPeople.RequiredAsync(db, tenant.AuthorityId, cancellationToken), TwoPersonStep.Reverse, accounting.Month,
            tenants.Actor.Id, TwoPeople.Of(run)) is { } refusal)
        {
            return Outcome.Refused<Done>([refusal]);
        }
        var journals = await db.JournalEntries.AsNoTracking().Include(j => j.Postings).Where(j => j.RechargeRunId == run.Id && j.ReversesId == null)
            .OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var reversals = new List<JournalEntryRow>();
        var reversed = new List<JournalTransaction>();
        foreach (var journal in journals)
        {
            var original = JournalTransaction.Create(
                new JournalHeader(tenant.AuthorityId, accounting, JournalSource.Run(journal.SourceReference), journal.Description, journal.CreatedBy, journal.CreatedAt),
                journal.Postings.OrderBy(p => p.Id).Select(p => new Posting(p.CostCentreId, p.AccountCode, new Money(p.AmountPence))), state);
            var reversal = original.IsSuccess ? original.Value.Reverse(state, tenants.Actor.Name, now, $"reversal of run {run.Id}") : original;
            if (!reversal.IsSuccess)
            {
                return Outcome.Refused<Done>(reversal.Errors);
            }
            reversals.Add(LedgerWriter.ToRow(reversal.Value, run.Id, journal.Id));
            reversed.Add(reversal.Value);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await LedgerWriter.SaveJournalsAsync(db, tenant.AuthorityId, reversals, cancellationToken);
        db.JournalBatches.Add(JournalBatches.Of(tenant.AuthorityId, run.Id, JournalBatchKind.Reversal, accounting, reversed, tenants.Actor.Name, now, head));
        run.Status = RechargeRunStatus.Reversed;
        run.ReversedAt = now;
        run.ReversedBy = tenants.Actor.Name;
        audit.Record("recharge.reverse", "RechargeRun", run.Id, new { Period = accounting.Month, Status = "Posted" }, new { Period = accounting.Month, Status = "Reversed" });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Done($"Run {run.Id} is reversed; {accounting.Month} is open again and can be run again.");
    }
}
