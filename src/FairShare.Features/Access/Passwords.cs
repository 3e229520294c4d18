using FairShare.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FairShare.Features.Access;

/// <summary>
/// How local passwords are hashed, in one place: PBKDF2-HMAC-SHA512 (ASP.NET Core Identity's version 3 format) at
/// 210,000 iterations, the least OWASP ASVS 5.0 (appendix C) accepts for SHA-512; Identity's default is 100,000.
/// A hash made with fewer iterations still verifies, and is rewritten at the next sign-in with the password.
/// </summary>
public static class Passwords
{
    public const int Iterations = 210_000;

    public static void Configure(PasswordHasherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        options.IterationCount = Iterations;
    }

    public static PasswordHasher<UserAccount> NewHasher()
    {
        var options = new PasswordHasherOptions();
        Configure(options);
        return new PasswordHasher<UserAccount>(Options.Create(options));
    }
}
