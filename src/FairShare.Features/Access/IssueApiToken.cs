using System.Security.Cryptography;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

/// <summary>A token acting as one role (in JSON and on the command line as its word: budget-holder, auditor…) for so many days.</summary>
public sealed record IssueApiTokenRequest(string Name, Role Role, int? CostCentreId = null, int? SupplierId = null, int ValidDays = 90);

public sealed record ApiTokenSummary(
    int Id, string Name, string Prefix, Role Role, int? CostCentreId, int? SupplierId,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, bool Active)
{
    public static ApiTokenSummary Of(ApiToken t, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.Name, t.Prefix, t.Role, t.CostCentreId, t.SupplierId, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.CreatedBy, t.IsActive(now));
    }
}

/// <summary>The token and, this once only, its secret.</summary>
public sealed record IssuedApiToken(ApiTokenSummary Token, string Secret);

/// <summary>An administrator issues an API token for a machine: one role in this authority; the secret is shown once and stored as a hash.</summary>
public sealed class IssueApiToken(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<IssuedApiToken>> HandleAsync(IssueApiTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageApiTokens, "issue API tokens") is { } forbidden)
        {
            return Outcome<IssuedApiToken>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var grant = new RoleGrant(request.Role, request.CostCentreId, request.SupplierId);
        var scopeErrors = await RoleScope.CheckAsync(db, tenant.AuthorityId, grant, cancellationToken);
        if (scopeErrors.Count > 0)
        {
            return Outcome<IssuedApiToken>.Invalid(scopeErrors);
        }
        var now = clock.GetUtcNow();
        var issued = ApiToken.Issue(tenant.AuthorityId, request.Name, grant, now, request.ValidDays, tenants.Actor.Name, RandomNumberGenerator.GetBytes(32));
        if (!issued.IsSuccess)
        {
            return Outcome<IssuedApiToken>.Invalid(issued.Errors);
        }
        var (token, secret) = issued.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("api-token.issue", nameof(ApiToken), token.Id, null,
            new { token.Name, token.Prefix, token.Role, token.CostCentreId, token.SupplierId, token.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedApiToken(ApiTokenSummary.Of(token, now), secret);
    }
}
