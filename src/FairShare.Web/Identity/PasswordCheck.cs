using FairShare.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace FairShare.Web.Identity;

/// <summary>
/// Checks an email and password by one path whatever the email: a password is verified against the account's
/// hash, or, for an unknown email (or an account with no local password), against a dummy hash made by the same
/// hasher. So an unknown email takes as long as a wrong password, and the answer cannot tell them apart.
/// </summary>
public sealed class PasswordCheck(UserManager<UserAccount> users, IPasswordHasher<UserAccount> hasher)
{
    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    /// <summary>The account when the password is its own, else null (unknown email, no local password, wrong password alike).</summary>
    public async Task<UserAccount?> CheckAsync(string email, string password)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account?.PasswordHash is null)
        {
            _ = hasher.VerifyHashedPassword(account!, DummyHash(), password);
            return null;
        }
        return await users.CheckPasswordAsync(account, password) ? account : null;
    }

    private string DummyHash()
    {
        lock (DummyLock)
        {
            // The default hasher reads nothing of the account; the hash of a random password no one can know.
            return _dummyHash ??= hasher.HashPassword(null!, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }
    }
}
