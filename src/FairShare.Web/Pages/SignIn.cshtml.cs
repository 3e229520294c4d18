using FairShare.Domain.Access;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FairShare.Web.Pages;

[EnableRateLimiting(FairShareWebApp.SignInRateLimit)]
public sealed class SignInModel(SignInManager<UserAccount> signIn, DemoMode demo, OpenIdConnectSettings oidc) : PageModel
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
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
            var until = user?.LockoutEnd is { } end ? $" until {end.ToOffset(TimeSpan.Zero):HH:mm} UTC" : "";
            (Error, ErrorField) = ($"This account is locked after too many wrong passwords. Try again{until}, or ask your administrator.", "email");
        }
        else
        {
            (Error, ErrorField) = ("The email address or password is wrong", "email");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
