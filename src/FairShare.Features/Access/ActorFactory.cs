using System.Globalization;
using System.Security.Claims;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>Builds the <see cref="Actor"/> for each door into FairShare: a signed-in person, an API token, the command line.</summary>
public sealed class ActorFactory(FairShareDbContext db)
{
    public const string AuthorityClaim = "fairshare:authority";
    public const string GrantClaim = "fairshare:grant";

    /// <summary>The claims a signed-in person carries: who, which authority, which roles with which scope.</summary>
    public static IEnumerable<Claim> ClaimsOf(UserAccount user)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Name, user.DisplayName);
        yield return new Claim(ClaimTypes.Email, user.Email);
        yield return new Claim(AuthorityClaim, user.AuthorityId.ToString(CultureInfo.InvariantCulture));
        foreach (var grant in user.Grants)
        {
            yield return new Claim(GrantClaim, $"{grant.Role}|{grant.CostCentreId}|{grant.SupplierId}");
            yield return new Claim(ClaimTypes.Role, grant.Role.ToString());
        }
    }

    /// <summary>The actor a principal stands for, or null when it carries no FairShare identity.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal principal, string via)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(AuthorityClaim), CultureInfo.InvariantCulture, out var authorityId))
        {
            return null;
        }
        var grants = principal.FindAll(GrantClaim).Select(c => c.Value.Split('|')).Where(p => p.Length == 3)
            .Select(p => new RoleGrant(Enum.Parse<Role>(p[0]), Id(p[1]), Id(p[2]))).ToArray();
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", principal.FindFirstValue(ClaimTypes.Name) ?? "", authorityId, grants, via);
    }

    private static int? Id(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>An operator at the command line with database access: the authority's administrator, named as such in the audit log.</summary>
    public static Actor Operator(Tenant tenant) =>
        new($"cli:{Environment.UserName}", $"{Environment.UserName} at the command line", tenant.AuthorityId, [new RoleGrant(Role.Administrator)], "cli");

    /// <summary>Looks a person up by id, with their current roles (system access: the authority is not known yet).</summary>
    public async Task<UserAccount?> FindUserAsync(int userId, CancellationToken cancellationToken = default) =>
        await db.AsSystemAsync(async () => await db.UserAccounts.AsNoTracking().Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.Id == userId, cancellationToken));

    /// <summary>
    /// Whether this actor is a supplier account (every role it holds is the supplier role) of an authority whose supplier
    /// self-service is off: such an account may not sign in or see anything.
    /// </summary>
    public async Task<bool> IsSupplierShutOutAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Grants.Count > 0 && actor.Grants.All(g => g.Role == Role.Supplier)
            && !await db.Authorities.AsNoTracking().Where(a => a.Id == actor.AuthorityId).Select(a => a.SupplierSelfService).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The authority an actor belongs to, or null when it no longer exists.</summary>
    public async Task<Tenant?> TenantOfAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await db.Authorities.AsNoTracking().Where(a => a.Id == actor.AuthorityId).Select(a => new Tenant(a.Id, a.Code, a.Name, a.YearStartMonth))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
