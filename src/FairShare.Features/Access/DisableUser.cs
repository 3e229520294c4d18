using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

public sealed record DisableUserRequest(int Id);

/// <summary>
/// An administrator disables an account: it cannot sign in (the sign-in page answers as for a wrong password) and
/// every session it has ends on its next request. The account is kept, with its history. API tokens are the
/// authority's, not a person's, so they go on working; revoke them on their own page. No one disables themselves,
/// nor the authority's last administrator.
/// </summary>
public sealed class DisableUser(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Person>> HandleAsync(DisableUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "manage users") is { } forbidden)
        {
            return Outcome<Person>.Forbidden(forbidden);
        }
        var user = await People.FindAsync(db, tenants, request.Id, cancellationToken);
        if (user is null)
        {
            return Outcome<Person>.NotFound(People.NotFound(request.Id));
        }
        if (user.IsDisabled)
        {
            return Outcome<Person>.Refused($"{user.Email} was already disabled on {user.DisabledAt:yyyy-MM-dd HH:mm}.", "id");
        }
        if (People.IsSelf(tenants.Actor, user))
        {
            return Outcome<Person>.Refused("You cannot disable your own account: ask another administrator.", "id");
        }
        if (await People.LastAdministratorRefusalAsync(db, user, cancellationToken) is { } last)
        {
            return Outcome<Person>.Refused(last, "id");
        }
        var before = People.Snapshot(user);
        var now = clock.GetUtcNow();
        user.Disable(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("user.disable", nameof(UserAccount), user.Id, before, People.Snapshot(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await People.DescribeAsync(db, tenants.Current.AuthorityId, [user], now, cancellationToken))[0];
    }
}
