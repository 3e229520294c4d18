using FairShare.Features.Access;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FairShare.Web.Pages;

/// <summary>Set a password with the one-time link an administrator gave: for anyone holding the link, signed in or not.</summary>
[EnableRateLimiting(FairShareWebApp.SignInRateLimit)]
public sealed class ResetPasswordModel(ResetPassword reset) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["token"] = "NewPassword",
        ["newPassword"] = "NewPassword",
        ["confirmPassword"] = "ConfirmPassword",
    };

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public string? Done { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await reset.HandleAsync(new ResetPasswordRequest(Token, NewPassword, ConfirmPassword), cancellationToken);
        if (this.Show(outcome, Fields, "NewPassword") is { } failed)
        {
            return failed;
        }
        Done = outcome.IsOk ? outcome.Value.Message : null;
        return Page();
    }
}
