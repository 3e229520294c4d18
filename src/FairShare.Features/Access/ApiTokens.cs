using System.Security.Cryptography;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record ApiTokenInput(string Name, Role Role, int? CostCentreId = null, int? SupplierId = null, int ValidDays = 90);

public sealed record ApiTokenSummary(
    int Id, string Name, string Prefix, Role Role, int? CostCentreId, int? SupplierId,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, bool Active)
{
    public static ApiTokenSummary Of(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.Prefix, t.Role, t.CostCentreId, t.SupplierId, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.CreatedBy, t.IsActive(now));
}

/// <summary>The token and, this once only, its secret.</summary>
public sealed record IssuedApiToken(ApiTokenSummary Token, string Secret);

/// <summary>An administrator's API tokens: issue (secret shown once), list, revoke.</summary>
public sealed class ApiTokens(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<IssuedApiToken> IssueAsync(ApiTokenInput input, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.ManageApiTokens, "issue API tokens");
        var tenant = tenants.Current;
        var grant = new RoleGrant(input.Role, input.CostCentreId, input.SupplierId);
        var scopeErrors = await RoleScope.CheckAsync(db, tenant.AuthorityId, grant, cancellationToken);
        if (scopeErrors.Count > 0)
        {
            throw new ValidationFailedException(scopeErrors);
        }
        var now = clock.GetUtcNow();
        var issued = ApiToken.Issue(tenant.AuthorityId, input.Name, grant, now, input.ValidDays, tenants.Actor.Name, RandomNumberGenerator.GetBytes(32));
        if (!issued.IsSuccess)
        {
            throw new ValidationFailedException(issued.Errors);
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

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.ManageApiTokens, "see API tokens");
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AuthorityId == tenants.Current.AuthorityId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(t => ApiTokenSummary.Of(t, now)).ToArray();
    }

    /// <returns>The revoked token, or null when this authority has no such token.</returns>
    public async Task<ApiTokenSummary?> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.AuthorityId == tenants.Current.AuthorityId, cancellationToken);
        if (token is null)
        {
            return null;
        }
        tenants.Require(Permission.ManageApiTokens, "revoke API tokens");
        var now = clock.GetUtcNow();
        var revoked = token.Revoke(now);
        if (!revoked.IsSuccess)
        {
            throw new ValidationFailedException(revoked.Errors);
        }
        audit.Record("api-token.revoke", nameof(ApiToken), token.Id, new { token.Name, token.Prefix, RevokedAt = (DateTimeOffset?)null }, new { token.Name, token.Prefix, token.RevokedAt });
        await db.SaveChangesAsync(cancellationToken);
        return ApiTokenSummary.Of(token, now);
    }
}

/// <summary>Checks that a role's scope names a record of the right kind in the same authority.</summary>
public static class RoleScope
{
    public static async Task<IReadOnlyList<DomainError>> CheckAsync(FairShareDbContext db, int authorityId, RoleGrant grant, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(grant.Role))
        {
            errors.Add(new DomainError("role", $"'{grant.Role}' is not a role."));
            return errors;
        }
        if (AccessPolicy.IsScopedToCostCentre(grant.Role))
        {
            var centre = grant.CostCentreId is { } id
                ? await db.CostCentres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.AuthorityId == authorityId, cancellationToken)
                : null;
            if (centre is null)
            {
                errors.Add(new DomainError("costCentreId", $"a {AccessPolicy.Describe(grant.Role).ToLowerInvariant()} needs one of this authority's cost centres."));
            }
            else if (grant.Role is not Role.BudgetHolder && centre.Kind != CostCentreKind.Support)
            {
                errors.Add(new DomainError("costCentreId", $"{centre.Code} is not a support service, so it has no provider."));
            }
        }
        else if (grant.CostCentreId is not null)
        {
            errors.Add(new DomainError("costCentreId", $"a {AccessPolicy.Describe(grant.Role).ToLowerInvariant()} is not limited to a cost centre."));
        }
        if (grant.Role == Role.Supplier)
        {
            if (grant.SupplierId is not { } sid || !await db.Suppliers.AnyAsync(s => s.Id == sid && s.AuthorityId == authorityId, cancellationToken))
            {
                errors.Add(new DomainError("supplierId", "a supplier needs one of this authority's approved suppliers."));
            }
        }
        else if (grant.SupplierId is not null)
        {
            errors.Add(new DomainError("supplierId", $"a {AccessPolicy.Describe(grant.Role).ToLowerInvariant()} is not limited to a supplier."));
        }
        return errors;
    }
}

/// <summary>Why a presented token was not accepted.</summary>
public enum TokenRefusal
{
    Unknown,
    Revoked,
    Expired,
}

/// <summary>Turns a presented API token into the actor it stands for, or says why not.</summary>
public sealed class AuthenticateApiToken(FairShareDbContext db, TimeProvider clock)
{
    public async Task<(Tenant? Tenant, Actor? Actor, TokenRefusal? Refusal)> HandleAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return (null, null, TokenRefusal.Unknown);
        }
        var hash = ApiToken.HashOf(secret);
        var found = await db.AsSystemAsync(async () =>
            await db.ApiTokens.AsNoTracking().Include(t => t.Authority).FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken));
        if (found is null)
        {
            return (null, null, TokenRefusal.Unknown);
        }
        if (found.RevokedAt is not null)
        {
            return (null, null, TokenRefusal.Revoked);
        }
        if (!found.IsActive(clock.GetUtcNow()))
        {
            return (null, null, TokenRefusal.Expired);
        }
        var actor = new Actor($"token:{found.Id}", $"API token '{found.Name}'", found.AuthorityId, [found.Grant], "api");
        return (Tenant.Of(found.Authority), actor, null);
    }
}
