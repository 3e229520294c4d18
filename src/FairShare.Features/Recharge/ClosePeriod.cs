using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;

namespace FairShare.Features.Recharge;

public sealed record ClosePeriodRequest(string? Period);

/// <summary>Closes a period for good, as its state table allows: a month once its run is posted, period 13 once March has closed.</summary>
public sealed class ClosePeriod(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Done>> HandleAsync(ClosePeriodRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.RunRecharge, "close periods") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var period = PeriodLedger.Parse(request.Period, tenant);
        if (!period.IsSuccess)
        {
            return Outcome<Done>.Invalid(period.Errors);
        }
        var accounting = period.Value;
        var state = await PeriodLedger.StateAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        var decided = state.Apply(PeriodTrigger.Close, await PeriodLedger.FactsAsync(db, tenant.AuthorityId, accounting, cancellationToken));
        if (!decided.IsSuccess)
        {
            return Outcome.Refused<Done>(decided.Errors);
        }
        var run = await PeriodLedger.PostedRunAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        db.PeriodStatuses.Add(new PeriodStatusRow
        {
            AuthorityId = tenant.AuthorityId,
            FinancialYearStart = accounting.Year.StartYear,
            PeriodNumber = accounting.Number,
            Closed = true,
            ClosedAt = clock.GetUtcNow(),
            ClosedBy = tenants.Actor.Name,
        });
        audit.Record("period.close", "Period", accounting.Month, new { Period = accounting.Month, Closed = false },
            new { Period = accounting.Month, Closed = true, Run = run?.Id, decided.Value.Warning });
        await db.SaveChangesAsync(cancellationToken);
        return new Done($"{accounting.Month} is closed." + (decided.Value.Warning is { } warning ? " Note: " + warning : ""));
    }
}
