using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

/// <summary>
/// What to change of an account; what is left out stays. <paramref name="Roles"/>, when given, is the whole set the
/// account will hold (roles given and taken away at once). <paramref name="UnlinkIdentityProvider"/> forgets the
/// link to the council's identity provider, so the next sign-in there is matched by email again.
/// </summary>
public sealed record ChangeUserRequest(int Id, string? Name = null, string? Email = null, IReadOnlyList<RoleGrant>? Roles = null, bool UnlinkIdentityProvider = false);

/// <summary>
/// An administrator changes an account's name, email or roles, or unlinks it from the identity provider. A role
/// taken away ends the person's sessions at once (their session's fingerprint holds their roles). The authority's
/// last administrator keeps the role.
/// </summary>
public sealed class ChangeUser(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Person>> HandleAsync(ChangeUserRequest request, CancellationToken cancellationToken = default)
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
        var errors = new List<DomainError>();
        if (request.Name is not null)
        {
            errors.AddRange(People.Name(request.Name));
        }
        if (request.Email is not null)
        {
            errors.AddRange(People.Email(request.Email));
            if (errors.Count == 0 && await People.EmailTakenAsync(db, request.Email, user.Id, cancellationToken))
            {
                errors.Add(new DomainError("email", $"{request.Email.Trim()} already has a FairShare account."));
            }
        }
        if (request.Roles is not null)
        {
            errors.AddRange(await People.CheckRolesAsync(db, tenants.Current.AuthorityId, request.Roles, cancellationToken));
        }
        if (errors.Count > 0)
        {
            return Outcome<Person>.Invalid(errors);
        }
        if (request.Roles is not null && !request.Roles.Any(g => g.Role == Role.Administrator)
            && await People.LastAdministratorRefusalAsync(db, user, cancellationToken) is { } last)
        {
            return Outcome<Person>.Refused(last, "roles");
        }
        if (request.UnlinkIdentityProvider && user.ExternalSubject is null)
        {
            return Outcome<Person>.Refused($"{user.Email} is not linked to the council's identity provider.", "unlinkIdentityProvider");
        }
        var before = People.Snapshot(user);
        if (request.Name is not null)
        {
            user.Rename(request.Name);
        }
        if (request.Email is not null)
        {
            user.ChangeEmail(request.Email);
        }
        if (request.Roles is not null)
        {
            user.ReplaceGrants(request.Roles);
        }
        if (request.UnlinkIdentityProvider)
        {
            user.ExternalSubject = null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record(request.UnlinkIdentityProvider ? "user.unlink-identity-provider" : "user.change", nameof(UserAccount), user.Id, before, People.Snapshot(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await People.DescribeAsync(db, tenants.Current.AuthorityId, [user], clock.GetUtcNow(), cancellationToken))[0];
    }
}
