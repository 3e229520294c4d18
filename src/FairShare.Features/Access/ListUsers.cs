using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record ListUsersRequest;

/// <summary>An administrator's people: every account of the authority with its roles and their scope, state and last sign-in, by email.</summary>
public sealed class ListUsers(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<Person>>> HandleAsync(ListUsersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "see users") is { } forbidden)
        {
            return Outcome<IReadOnlyList<Person>>.Forbidden(forbidden);
        }
        var authorityId = tenants.Current.AuthorityId;
        var users = await db.UserAccounts.AsNoTracking().Include(u => u.Roles).Where(u => u.AuthorityId == authorityId)
            .OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<Person>>.Ok(await People.DescribeAsync(db, authorityId, users, clock.GetUtcNow(), cancellationToken));
    }
}
