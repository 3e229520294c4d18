using FairShare.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace FairShare.Web.Identity;

/// <summary>
/// Checks an email and password by one path whatever the email: a password is verified against the account's
/// hash, or, for an unknown email (or an account with no local password), against a dummy hash made by the same
/// hasher. So an unknown email takes as long as a wrong password, and the answer cannot tell them apart.
/// </summary>
/// <remarks>Each answer is logged as a security event by account id, never by the email typed or the password.</remarks>
public sealed partial class PasswordCheck(UserManager<UserAccount> users, IPasswordHasher<UserAccount> hasher, ILogger<PasswordCheck> logger)
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
            NoSuchAccount(logger);
            return null;
        }
        if (await users.CheckPasswordAsync(account, password))
        {
            SignedIn(logger, account.Id);
            return account;
        }
        WrongPassword(logger, account.Id);
        return null;
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Security: account {AccountId} signed in with its password")]
    private static partial void SignedIn(ILogger logger, int accountId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Security: sign-in refused, wrong password for account {AccountId}")]
    private static partial void WrongPassword(ILogger logger, int accountId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Security: sign-in refused, no account with a password has the email given")]
    private static partial void NoSuchAccount(ILogger logger);

    private string DummyHash()
    {
        lock (DummyLock)
        {
            // The default hasher reads nothing of the account; the hash of a random password no one can know.
            return _dummyHash ??= hasher.HashPassword(null!, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }
    }
}
