using System.Globalization;
using System.Security.Claims;
using FairShare.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Web.Identity;

/// <summary>
/// Records when a person signs in, whichever way (password, the council's identity provider, the demo page): the
/// cookie's <c>OnSigningIn</c>, which every sign-in passes through. It changes nothing the session's fingerprint holds.
/// </summary>
public static class LastSignIn
{
    public static async Task RecordAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!int.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id))
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<FairShareDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.AsSystemAsync(() => db.UserAccounts.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), context.HttpContext.RequestAborted));
    }
}
