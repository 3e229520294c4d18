using System.Globalization;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Web.Identity;

/// <summary>
/// ASP.NET Core Identity over FairShare's own <see cref="UserAccount"/> table, which carries its authority like
/// every other table. Accounts are found before the authority is known (that is what signing in is), so the
/// store reads with system access; it never returns anything but the one account asked for. It writes an account as
/// the account's own authority, which is all an application role that does not own the tables may do.
/// </summary>
public sealed class UserAccountStore(FairShareDbContext db) :
    IUserPasswordStore<UserAccount>, IUserLockoutStore<UserAccount>, IUserSecurityStampStore<UserAccount>, IUserEmailStore<UserAccount>
{
    private Task<T> System<T>(Func<Task<T>> work) => db.AsSystemAsync(work);

    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("An account's email is its user name and is set when it is created.");

    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        db.UserAccounts.Add(user);
        await db.AsAuthorityAsync(user.AuthorityId, () => db.SaveChangesAsync(cancellationToken));
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        if (db.Entry(user).State == EntityState.Detached)
        {
            db.UserAccounts.Update(user);
        }
        await db.AsAuthorityAsync(user.AuthorityId, () => db.SaveChangesAsync(cancellationToken));
        return IdentityResult.Success;
    }

    public Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are not deleted: the audit log refers to them.");

    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        int.TryParse(userId, CultureInfo.InvariantCulture, out var id)
            ? System(() => db.UserAccounts.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, cancellationToken))
            : Task.FromResult<UserAccount?>(null);

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByEmailAsync(normalizedUserName, cancellationToken);

    public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        System(() => db.UserAccounts.Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken));

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task SetEmailAsync(UserAccount user, string? email, CancellationToken cancellationToken) =>
        throw new NotSupportedException("An account's email is set when it is created.");

    public Task<string?> GetEmailAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task<bool> GetEmailConfirmedAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetEmailConfirmedAsync(UserAccount user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetNormalizedEmailAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(UserAccount user, string? normalizedEmail, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}

/// <summary>Signs people in with the claims FairShare's use cases read (authority and role grants) and the session's fingerprint.</summary>
public sealed class FairShareClaimsFactory(TimeProvider clock) : IUserClaimsPrincipalFactory<UserAccount>
{
    public Task<System.Security.Claims.ClaimsPrincipal> CreateAsync(UserAccount user) => Task.FromResult(SessionCheck.PrincipalOf(user, clock.GetUtcNow()));
}
