using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

public sealed record EnableUserRequest(int Id);

/// <summary>An administrator enables a disabled account again: it may sign in with its password or the identity provider as before.</summary>
public sealed class EnableUser(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Person>> HandleAsync(EnableUserRequest request, CancellationToken cancellationToken = default)
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
        if (!user.IsDisabled)
        {
            return Outcome<Person>.Refused($"{user.Email} is not disabled.", "id");
        }
        var before = People.Snapshot(user);
        user.Enable();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("user.enable", nameof(UserAccount), user.Id, before, People.Snapshot(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await People.DescribeAsync(db, tenants.Current.AuthorityId, [user], clock.GetUtcNow(), cancellationToken))[0];
    }
}
