using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record ListUsersRequest;

/// <summary>An administrator's people: every account of the authority with its roles, by email.</summary>
public sealed class ListUsers(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<UserSummary>>> HandleAsync(ListUsersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "see users") is { } forbidden)
        {
            return Outcome<IReadOnlyList<UserSummary>>.Forbidden(forbidden);
        }
        var now = clock.GetUtcNow();
        var users = await db.UserAccounts.AsNoTracking().Include(u => u.Roles).Where(u => u.AuthorityId == tenants.Current.AuthorityId)
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(u.Id, u.Email, u.DisplayName, u.Grants, u.LockoutEnd > now)).ToArray();
    }
}
