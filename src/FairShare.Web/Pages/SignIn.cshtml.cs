using FairShare.Domain.Access;
using FairShare.Web.Hosting;
using FairShare.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FairShare.Web.Pages;

[EnableRateLimiting(FairShareWebApp.SignInRateLimit)]
public sealed class SignInModel(SignInManager<UserAccount> signIn, SignInThrottle throttle, DemoMode demo, OpenIdConnectSettings oidc) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public bool DemoMode { get; private set; }
    public string? ExternalSignIn => oidc.IsConfigured ? oidc.DisplayName : null;

    public async Task OnGetAsync() => DemoMode = await demo.IsOnAsync();

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
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
            var until = user?.LockoutEnd is { } end ? $" until {end.ToOffset(TimeSpan.Zero):HH:mm} UTC" : "";
            (Error, ErrorField) = ($"This account is locked{until}. Ask your administrator.", "email");
        }
        else
        {
            (Error, ErrorField) = ("The email address or password is wrong", "email");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
