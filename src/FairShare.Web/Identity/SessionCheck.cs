using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FairShare.Web.Identity;

/// <summary>
/// Ends sessions on the server. A sign-in cookie carries a fingerprint of the account as it was when the person
/// signed in: its security stamp, its password hash, its roles. On every request the account is read again and
/// the cookie is refused when the fingerprint no longer matches or the account is locked. Signing out renews
/// the stamp, so a copy of the cookie kept from before opens nothing; so does a new password, a role given or
/// taken away, or an administrator's lock, whichever door made the change and whether or not it renewed the stamp.
/// </summary>
/// <remarks>
/// Signing out ends all of that person's sessions (every browser they are signed in on), not only this one: the
/// stamp is one per account. The fingerprint is a SHA-256 inside the cookie, which data protection encrypts.
/// A session also ends after <see cref="Hosting.FairShareOptions.SessionIdleMinutes"/> without a request (the cookie's
/// sliding expiry) and, however busy, <see cref="Hosting.FairShareOptions.SessionHours"/> after signing in (the
/// signed-in time is in the cookie, checked here).
/// </remarks>
public static class SessionCheck
{
    public const string FingerprintClaim = "fairshare:session";
    public const string SignedInAtClaim = "fairshare:signed-in-at";

    /// <summary>The fingerprint of the account's credentials and authority: any change to them ends its sessions.</summary>
    public static string FingerprintOf(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var grants = user.Grants.Select(g => $"{g.Role}|{g.CostCentreId}|{g.SupplierId}").Order(StringComparer.Ordinal);
        var text = string.Join('\n', [user.SecurityStamp, user.PasswordHash ?? "", user.ExternalSubject ?? "",
            user.AuthorityId.ToString(CultureInfo.InvariantCulture), .. grants]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The claims a session cookie carries for this account.</summary>
    public static ClaimsPrincipal PrincipalOf(UserAccount user, DateTimeOffset signedInAt) =>
        new(new ClaimsIdentity(ActorFactory.ClaimsOf(user)
            .Append(new Claim("AspNet.Identity.SecurityStamp", user.SecurityStamp))
            .Append(new Claim(FingerprintClaim, FingerprintOf(user)))
            .Append(new Claim(SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))), IdentityConstants.ApplicationScheme));

    /// <summary>The cookie's <c>OnValidatePrincipal</c>: refuses a session whose account has changed since it began.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var account = int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
            ? await services.GetRequiredService<ActorFactory>().FindUserAsync(id, context.HttpContext.RequestAborted)
            : null;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var longest = TimeSpan.FromHours(services.GetRequiredService<Hosting.FairShareOptions>().SessionHours);
        var signedInAt = long.TryParse(principal?.FindFirstValue(SignedInAtClaim), CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        if (account is null
            || signedInAt is null
            || now - signedInAt.Value > longest
            || account.IsDisabled
            || account.IsLockedAt(now)
            || !string.Equals(principal!.FindFirstValue(FingerprintClaim), FingerprintOf(account), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
