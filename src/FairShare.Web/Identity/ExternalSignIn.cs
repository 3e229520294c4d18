using System.Security.Claims;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Web.Identity;

/// <summary>
/// Maps a person signed in by the council's identity provider to their FairShare account: by the provider's
/// subject once linked, else by email (then linked). No account, no entry: the provider proves who someone is,
/// FairShare decides what they may do.
/// </summary>
public static partial class ExternalSignIn
{
    public const string NoAccount = "The identity provider's account matches no FairShare account.";
    public const string RefusedQuery = "external=refused";

    /// <summary>
    /// A sign-in through the identity provider that did not end in a FairShare session (no account, a refusal at
    /// the provider, a stale or forged callback): a security event in the log, by kind only, and the sign-in page
    /// saying what to do, never the framework's error page.
    /// </summary>
    public static Task RefusedAsync(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignIn));
        ExternalRefused(logger, context.Failure?.Message == NoAccount ? "no matching account" : context.Failure?.GetType().Name ?? "unknown");
        context.Response.Redirect($"/sign-in?{RefusedQuery}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Security: sign-in through the identity provider refused ({Reason})")]
    private static partial void ExternalRefused(ILogger logger, string reason);

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
            // A disabled account is answered as one that does not exist. No email or subject in the message: it
            // reaches the logs through the remote-failure event.
            context.Fail(NoAccount);
            return;
        }
        if (account.ExternalSubject is null && subject is not null)
        {
            account.ExternalSubject = subject;
            await db.AsAuthorityAsync(account.AuthorityId, () => db.SaveChangesAsync());
        }
        context.Principal = SessionCheck.PrincipalOf(account, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
