using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <param name="Required">On: the one who prepared a run's dry run may not post, reverse or close it. Off: anyone with the role may.</param>
public sealed record SetTwoPersonRuleRequest(bool? Required);

/// <summary>The authority's two-person rule for journals (<see cref="Domain.Ledger.TwoPersonRule"/>), turned on or off by an administrator, audited.</summary>
public sealed class SetTwoPersonRule(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<Done>> HandleAsync(SetTwoPersonRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.SetAuthorityPolicy, "set the authority's policies") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        if (request.Required is not { } required)
        {
            return Outcome<Done>.Invalid("required", "say whether two people are required: true (on) or false (off).");
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == tenants.Current.AuthorityId, cancellationToken);
        var before = authority.RequiresTwoPeople;
        if (before != required)
        {
            authority.RequireTwoPeople(required);
            audit.Record("authority.two-people", nameof(Authority), authority.Id, new { RequiresTwoPeople = before }, new { RequiresTwoPeople = required });
            await db.SaveChangesAsync(cancellationToken);
        }
        return new Done(required
            ? $"{authority.Name} now requires two people: whoever prepares a run's dry run cannot post, reverse or close it."
            : $"{authority.Name} no longer requires two people to post, reverse or close a run.");
    }
}
