using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record UserInput(string Email, string Name, Role Role, int? CostCentreId = null, int? SupplierId = null, string? Password = null);

public sealed record UserSummary(int Id, string Email, string Name, IReadOnlyList<RoleGrant> Roles, bool LockedOut);

/// <summary>
/// An administrator's people: create an account in their authority with one role (a password for local
/// sign-in, or none for people who sign in through the council's identity provider), add a role, list.
/// </summary>
public sealed class Users(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    public async Task<UserSummary> CreateAsync(UserInput input, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.ManageUsers, "manage users");
        var tenant = tenants.Current;
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new DomainError("email", $"'{input.Email}' is not an email address."));
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new DomainError("name", "is required."));
        }
        if (input.Password is { } password && password.Length < MinimumPasswordLength)
        {
            errors.Add(new DomainError("password", $"must be at least {MinimumPasswordLength} characters."));
        }
        errors.AddRange(await RoleScope.CheckAsync(db, tenant.AuthorityId, new RoleGrant(input.Role, input.CostCentreId, input.SupplierId), cancellationToken));
        if (errors.Count == 0)
        {
            var normalised = UserAccount.Normalise(input.Email);
            if (await db.AsSystemAsync(() => db.UserAccounts.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken)))
            {
                errors.Add(new DomainError("email", $"{input.Email} already has a FairShare account."));
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == tenant.AuthorityId, cancellationToken);
        var user = new UserAccount(authority, input.Email, input.Name);
        if (input.Password is { } secret)
        {
            user.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, secret);
        }
        user.Grant(new RoleGrant(input.Role, input.CostCentreId, input.SupplierId));
        db.UserAccounts.Add(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("user.create", nameof(UserAccount), user.Id, null, new { user.Email, user.DisplayName, Role = input.Role, input.CostCentreId, input.SupplierId, LocalPassword = input.Password is not null });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserSummary(user.Id, user.Email, user.DisplayName, user.Grants, false);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.ManageUsers, "see users");
        var now = clock.GetUtcNow();
        var users = await db.UserAccounts.AsNoTracking().Include(u => u.Roles).Where(u => u.AuthorityId == tenants.Current.AuthorityId)
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(u.Id, u.Email, u.DisplayName, u.Grants, u.LockoutEnd > now)).ToArray();
    }
}
