using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>
/// A new account with a role (and <paramref name="MoreRoles"/>: a budget holder of several cost centres holds the role once per
/// cost centre); a password for local sign-in, or none for people who sign in through the council's identity provider or are
/// given a one-time reset link.
/// </summary>
public sealed record AddUserRequest(string Email, string Name, Role Role, int? CostCentreId = null, int? SupplierId = null, string? Password = null,
    IReadOnlyList<RoleGrant>? MoreRoles = null);

public sealed record UserSummary(int Id, string Email, string Name, IReadOnlyList<RoleGrant> Roles, bool LockedOut);

/// <summary>An administrator creates an account in their authority with one role.</summary>
public sealed class AddUser(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public const int MinimumPasswordLength = 12;

    public async Task<Outcome<UserSummary>> HandleAsync(AddUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "manage users") is { } forbidden)
        {
            return Outcome<UserSummary>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        RoleGrant[] grants = [new RoleGrant(request.Role, request.CostCentreId, request.SupplierId), .. request.MoreRoles ?? []];
        List<DomainError> errors = [.. People.Email(request.Email), .. People.Name(request.Name), .. Password(request)];
        errors.AddRange(await People.CheckRolesAsync(db, tenant.AuthorityId, grants, cancellationToken));
        if (errors.Count == 0)
        {
            errors.AddRange(await UniqueEmailAsync(request, cancellationToken));
        }
        if (errors.Count > 0)
        {
            return Outcome<UserSummary>.Invalid(errors);
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == tenant.AuthorityId, cancellationToken);
        var user = new UserAccount(authority, request.Email, request.Name);
        if (request.Password is { } secret)
        {
            user.PasswordHash = Passwords.NewHasher().HashPassword(user, secret);
        }
        user.ReplaceGrants(grants);
        db.UserAccounts.Add(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("user.create", nameof(UserAccount), user.Id, null,
            new { user.Email, user.DisplayName, Role = request.Role, request.CostCentreId, request.SupplierId, Roles = user.Grants, LocalPassword = request.Password is not null });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserSummary(user.Id, user.Email, user.DisplayName, user.Grants, false);
    }

    private static IEnumerable<DomainError> Password(AddUserRequest r)
    {
        if (r.Password is { } password && password.Length < MinimumPasswordLength)
        {
            yield return new DomainError("password", $"must be at least {MinimumPasswordLength} characters.");
        }
    }

    private async Task<IEnumerable<DomainError>> UniqueEmailAsync(AddUserRequest r, CancellationToken cancellationToken)
    {
        return await People.EmailTakenAsync(db, r.Email, null, cancellationToken)
            ? [new DomainError("email", $"{r.Email} already has a FairShare account.")]
            : [];
    }
}
