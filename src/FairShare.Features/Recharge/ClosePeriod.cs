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
        var decided = await PeriodLedger.DecideAsync(db, tenant, request.Period, PeriodTrigger.Close, cancellationToken);
        if (!decided.IsOk)
        {
            return Outcome<Done>.From(decided);
        }
        var (accounting, state, warning) = decided.Value;
        var run = await PeriodLedger.PostedRunAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        if (TwoPersonRule.Refusal(await TwoPeople.RequiredAsync(db, tenant.AuthorityId, cancellationToken), TwoPersonStep.Close, accounting.Month,
            tenants.Actor.Id, TwoPeople.Of(run)) is { } refusal)
        {
            return Outcome.Refused<Done>([refusal]);
        }
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
            new { Period = accounting.Month, Closed = true, Run = run?.Id, Warning = warning });
        await db.SaveChangesAsync(cancellationToken);
        return new Done($"{accounting.Month} is closed." + (warning is null ? "" : " Note: " + warning));
    }
}
