using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <param name="Secret">The token as presented (fs_…).</param>
public sealed record AuthenticateApiTokenRequest(string Secret);

/// <summary>Who a token acts as, and for which authority.</summary>
public sealed record TokenHolder(Tenant Tenant, Actor Actor);

/// <summary>
/// Turns a presented API token into the actor it stands for. Not found when no token has that secret; refused,
/// with the reason, when it has been revoked or has expired.
/// </summary>
public sealed class AuthenticateApiToken(FairShareDbContext db, TimeProvider clock)
{
    public const string Unknown = "The API token is not recognised.", Revoked = "The API token has been revoked.", Expired = "The API token has expired.";

    /// <summary>The answer to a supplier's token or session while the authority's supplier self-service is off.</summary>
    public const string SupplierAccountsOff = "Supplier accounts are turned off in this authority: ask its FairShare administrator.";

    public async Task<Outcome<TokenHolder>> HandleAsync(AuthenticateApiTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = request.Secret ?? "";
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return Outcome<TokenHolder>.NotFound(Unknown);
        }
        var hash = ApiToken.HashOf(secret);
        var found = await db.AsSystemAsync(async () =>
            await db.ApiTokens.AsNoTracking().Include(t => t.Authority).FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken));
        if (found is null)
        {
            return Outcome<TokenHolder>.NotFound(Unknown);
        }
        if (found.RevokedAt is not null)
        {
            return Outcome<TokenHolder>.Refused(Revoked);
        }
        if (!found.IsActive(clock.GetUtcNow()))
        {
            return Outcome<TokenHolder>.Refused(Expired);
        }
        if (found.Role == Role.Supplier && !found.Authority.SupplierSelfService)
        {
            return Outcome<TokenHolder>.Refused(SupplierAccountsOff);
        }
        var actor = new Actor($"token:{found.Id}", $"API token '{found.Name}'", found.AuthorityId, [found.Grant], "api");
        return new TokenHolder(Tenant.Of(found.Authority), actor);
    }
}
