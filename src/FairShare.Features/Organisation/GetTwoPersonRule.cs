using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

public sealed record GetTwoPersonRuleRequest;

/// <summary>Whether the authority requires two people to post, reverse or close a run.</summary>
public sealed record TwoPersonRuleSetting(string Authority, bool Required);

/// <summary>The authority's two-person rule as it stands (administrators, who set it).</summary>
public sealed class GetTwoPersonRule(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<TwoPersonRuleSetting>> HandleAsync(GetTwoPersonRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.SetAuthorityPolicy, "see the authority's policies") is { } forbidden)
        {
            return Outcome<TwoPersonRuleSetting>.Forbidden(forbidden);
        }
        var required = await db.Authorities.AsNoTracking().Where(a => a.Id == tenants.Current.AuthorityId).Select(a => a.RequiresTwoPeople).SingleAsync(cancellationToken);
        return new TwoPersonRuleSetting(tenants.Current.Name, required);
    }
}
