using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record RevokeApiTokenRequest(int Id);

/// <summary>An administrator revokes an API token at once; another authority's tokens are not found.</summary>
public sealed class RevokeApiToken(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ApiTokenSummary>> HandleAsync(RevokeApiTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == request.Id && t.AuthorityId == tenants.Current.AuthorityId, cancellationToken);
        if (token is null)
        {
            return Outcome<ApiTokenSummary>.NotFound($"There is no API token {request.Id}.");
        }
        if (tenants.Refusal(Permission.ManageApiTokens, "revoke API tokens") is { } forbidden)
        {
            return Outcome<ApiTokenSummary>.Forbidden(forbidden);
        }
        var now = clock.GetUtcNow();
        var revoked = token.Revoke(now);
        if (!revoked.IsSuccess)
        {
            return Outcome.Refused<ApiTokenSummary>(revoked.Errors);
        }
        audit.Record("api-token.revoke", nameof(ApiToken), token.Id, new { token.Name, token.Prefix, RevokedAt = (DateTimeOffset?)null }, new { token.Name, token.Prefix, token.RevokedAt });
        await db.SaveChangesAsync(cancellationToken);
        return ApiTokenSummary.Of(token, now);
    }
}
