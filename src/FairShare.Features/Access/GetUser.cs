using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

public sealed record GetUserRequest(int Id);

/// <summary>One account of the authority as an administrator sees it (another authority's accounts are not found).</summary>
public sealed class GetUser(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<Person>> HandleAsync(GetUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "see users") is { } forbidden)
        {
            return Outcome<Person>.Forbidden(forbidden);
        }
        var user = await People.FindAsync(db, tenants, request.Id, cancellationToken);
        return user is null
            ? Outcome<Person>.NotFound(People.NotFound(request.Id))
            : (await People.DescribeAsync(db, tenants.Current.AuthorityId, [user], clock.GetUtcNow(), cancellationToken))[0];
    }
}
