using FairShare.Domain.Access;
using FairShare.Web.Hosting;
using FairShare.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FairShare.Web.Pages;

[EnableRateLimiting(FairShareWebApp.SignInRateLimit)]
public sealed class SignInModel(SignInManager<UserAccount> signIn, PasswordCheck passwords, SignInThrottle throttle, DemoMode demo, OpenIdConnectSettings oidc, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public bool DemoMode { get; private set; }
    public string? ExternalSignIn => oidc.IsConfigured ? oidc.DisplayName : null;

    [BindProperty(Name = "external", SupportsGet = true)] public string? External { get; set; }

    public async Task OnGetAsync()
    {
        DemoMode = await demo.IsOnAsync();
        if (External == "refused")
        {
            // Back from the identity provider without a session (ExternalSignIn.RefusedAsync).
            (Error, ErrorField) = ("Your council's sign-in did not match a FairShare account. Ask your FairShare administrator to create one for you", "external");
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        DemoMode = await demo.IsOnAsync();
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            (Error, ErrorField) = string.IsNullOrWhiteSpace(Email) ? ("Enter your email address", "email") : ("Enter your password", "password");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (throttle.TryBegin(Email) is { } wait)
        {
            // Too soon after too many wrong passwords: answered without checking this one.
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            (Error, ErrorField) = ($"There have been too many wrong passwords for this account. Wait {Display.Duration(seconds)}, then try again.", "email");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        // One path for every email, known or not, locked or not: the answer and its time say nothing of which accounts exist.
        var account = await passwords.CheckAsync(Email, Password);
        if (account is not null && !account.IsLockedAt(clock.GetUtcNow()))
        {
            throttle.Succeeded(Email);
            await signIn.SignInAsync(account, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // Only someone who knows the password learns that the account is locked; a disabled account is answered as a
        // wrong password, so the answer tells no one which accounts an administrator has disabled.
        (Error, ErrorField) = account is null || account.IsDisabled
            ? ("The email address or password is wrong", "email")
            : ("This account cannot sign in at the moment. Ask your FairShare administrator.", "email");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
