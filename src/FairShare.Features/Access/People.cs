using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>One role an account holds, with its scope named as people know it (F-OP Older People, SUP-BRIGHT Brightline Legal).</summary>
public sealed record PersonRole(Role Role, int? CostCentreId = null, int? SupplierId = null, string? ScopeCode = null, string? ScopeName = null)
{
    public RoleGrant Grant => new(Role, CostCentreId, SupplierId);

    public string Described => ScopeCode is null ? AccessPolicy.Describe(Role) : $"{AccessPolicy.Describe(Role)}: {ScopeCode} {ScopeName}".TrimEnd();
}

/// <summary>An account as an administrator sees it: roles with scope, state, last sign-in, how it signs in. Never a password or a reset link's secret.</summary>
public sealed record Person(
    int Id, string Email, string Name, IReadOnlyList<PersonRole> Roles, bool Disabled, DateTimeOffset? DisabledAt, bool LockedOut,
    DateTimeOffset? LastSignInAt, string? IdentityProviderSubject, bool LocalPassword, DateTimeOffset? ResetLinkExpiresAt)
{
    public string State => Disabled ? "Disabled" : LockedOut ? "Locked" : "Active";
}

/// <summary>What every people use case shares: loading an account of this authority, describing it, and the rule that an authority keeps an administrator.</summary>
internal static class People
{
    public static Task<UserAccount?> FindAsync(FairShareDbContext db, TenantContext tenants, int id, CancellationToken cancellationToken) =>
        db.UserAccounts.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id && u.AuthorityId == tenants.Current.AuthorityId, cancellationToken);

    public static string NotFound(int id) => $"There is no account {id.ToString(CultureInfo.InvariantCulture)} in this authority.";

    /// <summary>Whether this actor is the person whose account this is (a person signed in; tokens and the command line never are).</summary>
    public static bool IsSelf(Actor actor, UserAccount user) =>
        string.Equals(actor.Id, user.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Why the account may not stop being an administrator (disabled, or the role taken away), or null when another enabled administrator remains.</summary>
    public static async Task<string?> LastAdministratorRefusalAsync(FairShareDbContext db, UserAccount user, CancellationToken cancellationToken)
    {
        if (user.IsDisabled || !user.Grants.Any(g => g.Role == Role.Administrator))
        {
            return null;
        }
        var others = await db.RoleAssignments.AnyAsync(r => r.AuthorityId == user.AuthorityId && r.Role == Role.Administrator
            && r.UserAccountId != user.Id && r.User.DisabledAt == null, cancellationToken);
        return others ? null
            : $"{user.Email} is the authority's last administrator: make someone else an administrator first, or no one could manage people.";
    }

    /// <summary>What the audit log keeps of an account: never a password hash or a reset link.</summary>
    public static object Snapshot(UserAccount user) => new
    {
        user.Email,
        Name = user.DisplayName,
        Roles = user.Grants,
        Disabled = user.IsDisabled,
        IdentityProviderLinked = user.ExternalSubject is not null,
    };

    public static async Task<IReadOnlyList<Person>> DescribeAsync(FairShareDbContext db, int authorityId, IReadOnlyList<UserAccount> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var centres = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId).Select(c => new { c.Id, c.Code, c.Name }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.AuthorityId == authorityId).Select(s => new { s.Id, s.Code, s.Name }).ToDictionaryAsync(s => s.Id, cancellationToken);
        return [.. users.Select(u => new Person(
            u.Id, u.Email, u.DisplayName,
            [.. u.Grants.OrderBy(g => g.Role).ThenBy(g => g.CostCentreId is { } c && centres.TryGetValue(c, out var cc) ? cc.Code : "", StringComparer.Ordinal)
                .Select(g => g.CostCentreId is { } c && centres.TryGetValue(c, out var centre) ? new PersonRole(g.Role, c, null, centre.Code, centre.Name)
                    : g.SupplierId is { } s && suppliers.TryGetValue(s, out var supplier) ? new PersonRole(g.Role, null, s, supplier.Code, supplier.Name)
                    : new PersonRole(g.Role))],
            u.IsDisabled, u.DisabledAt, u.LockoutEnd > now, u.LastSignInAt, u.ExternalSubject, u.PasswordHash is not null,
            u.PasswordResetExpiresAt > now ? u.PasswordResetExpiresAt : null))];
    }

    /// <summary>Checks a whole set of roles: at least one, each with the right scope.</summary>
    public static async Task<List<DomainError>> CheckRolesAsync(FairShareDbContext db, int authorityId, IReadOnlyList<RoleGrant>? grants, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        if (grants is null || grants.Count == 0)
        {
            errors.Add(new DomainError("roles", "an account needs at least one role."));
            return errors;
        }
        foreach (var grant in grants.Distinct())
        {
            if (grant is null)
            {
                errors.Add(new DomainError("roles", "a role is missing."));
                continue;
            }
            errors.AddRange(await RoleScope.CheckAsync(db, authorityId, grant, cancellationToken));
        }
        return errors;
    }

    public static IEnumerable<DomainError> Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Trim().Length > 254 || email.Trim().Contains(' ', StringComparison.Ordinal))
        {
            yield return new DomainError("email", $"'{Inputs.Parse.Shown(email)}' is not an email address.");
        }
    }

    public static IEnumerable<DomainError> Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return new DomainError("name", "is required.");
        }
        else if (name.Trim().Length > 200)
        {
            yield return new DomainError("name", "must be at most 200 characters.");
        }
    }

    public static IEnumerable<DomainError> NewPassword(string? password, string field)
    {
        if (password is null || password.Length < AddUser.MinimumPasswordLength)
        {
            yield return new DomainError(field, $"must be at least {AddUser.MinimumPasswordLength} characters.");
        }
        else if (password.Length > 500)
        {
            yield return new DomainError(field, "must be at most 500 characters.");
        }
    }

    public static async Task<bool> EmailTakenAsync(FairShareDbContext db, string email, int? exceptId, CancellationToken cancellationToken)
    {
        var normalised = UserAccount.Normalise(email);
        return await db.AsSystemAsync(() => db.UserAccounts.AnyAsync(u => u.NormalizedEmail == normalised && u.Id != exceptId, cancellationToken));
    }
}
