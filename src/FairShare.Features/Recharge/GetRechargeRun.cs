using System.Text.Json;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

public sealed record GetRechargeRunRequest(int RunId);

public sealed record JournalListing(long Id, string Description, int Postings, Money Total, long? Reverses);

/// <summary>One run as its page shows it: what it posted (its summary, with each provider's recovery), its journals, and what became of it.</summary>
public sealed record RechargeRunDetail(RunListing Run, RechargeRunSummary Summary, IReadOnlyList<JournalListing> Journals);

/// <summary>A run and its journals, for finance officers and auditors; the recovery table stays with the run.</summary>
public sealed class GetRechargeRun(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<RechargeRunDetail>> HandleAsync(GetRechargeRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadLedger, "see recharge runs") is { } forbidden)
        {
            return Outcome<RechargeRunDetail>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var run = await db.RechargeRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RunId && r.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (run is null)
        {
            return Outcome<RechargeRunDetail>.NotFound($"There is no recharge run {request.RunId}.");
        }
        var year = new FinancialYear(run.FinancialYearStart, tenant.YearStartMonth);
        var closed = await db.PeriodStatuses.AsNoTracking().AnyAsync(p => p.AuthorityId == tenant.AuthorityId && p.FinancialYearStart == run.FinancialYearStart
            && p.PeriodNumber == run.PeriodNumber && p.Closed, cancellationToken);
        var journals = await db.JournalEntries.AsNoTracking().Where(j => j.RechargeRunId == run.Id).OrderBy(j => j.Id)
            .Select(j => new
            {
                j.Id,
                j.Description,
                j.ReversesId,
                Postings = j.Postings.Count,
                Debits = j.Postings.Where(p => p.AmountPence > 0).Sum(p => p.AmountPence),
            }).ToListAsync(cancellationToken);
        var summary = JsonSerializer.Deserialize<RechargeRunSummary>(run.Summary, FairShareJson.Compact)!;
        return new RechargeRunDetail(GetMonthEnd.Listing(run, year, closed), summary with { RunId = run.Id, Posted = true },
            [.. journals.Select(j => new JournalListing(j.Id, j.Description, j.Postings, new Money(j.Debits), j.ReversesId))]);
    }
}
