using System.Security.Claims;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Web.Identity;

/// <summary>
/// Maps a person signed in by the council's identity provider to their FairShare account: by the provider's
/// subject once linked, else by email (then linked). No account, no entry: the provider proves who someone is,
/// FairShare decides what they may do.
/// </summary>
public static class ExternalSignIn
{
    public static async Task MapToFairShareAccountAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub");
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username");
        var db = context.HttpContext.RequestServices.GetRequiredService<FairShareDbContext>();
        var account = await db.AsSystemAsync(async () =>
            await db.UserAccounts.Include(u => u.Roles).FirstOrDefaultAsync(u => u.ExternalSubject != null && u.ExternalSubject == subject)
            ?? (email is null ? null : await db.UserAccounts.Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedEmail == UserAccount.Normalise(email))));
        if (account is null || account.IsDisabled)
        {
            // A disabled account is answered as one that does not exist.
            context.Fail($"{email ?? subject} has no FairShare account; ask your FairShare administrator to create one.");
            return;
        }
        if (account.ExternalSubject is null && subject is not null)
        {
            account.ExternalSubject = subject;
            await db.AsSystemAsync(() => db.SaveChangesAsync());
        }
        context.Principal = SessionCheck.PrincipalOf(account, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
