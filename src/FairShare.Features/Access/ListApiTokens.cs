using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record ListApiTokensRequest;

/// <summary>An administrator's view of the authority's API tokens, newest first (never their secrets).</summary>
public sealed class ListApiTokens(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<ApiTokenSummary>>> HandleAsync(ListApiTokensRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageApiTokens, "see API tokens") is { } forbidden)
        {
            return Outcome<IReadOnlyList<ApiTokenSummary>>.Forbidden(forbidden);
        }
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AuthorityId == tenants.Current.AuthorityId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(t => ApiTokenSummary.Of(t, now)).ToArray();
    }
}
