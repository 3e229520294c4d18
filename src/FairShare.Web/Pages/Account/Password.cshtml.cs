using System.Security.Claims;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Account;

/// <summary>Change your own password (current and new). Your other sessions end; this one is signed in again.</summary>
public sealed class PasswordModel(ChangeOwnPassword change, SignInManager<UserAccount> signIn) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["currentPassword"] = "CurrentPassword",
        ["newPassword"] = "NewPassword",
        ["confirmPassword"] = "ConfirmPassword",
    };

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public string? Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await change.HandleAsync(new ChangeOwnPasswordRequest(CurrentPassword, NewPassword, ConfirmPassword), cancellationToken);
        if (this.Show(outcome, Fields, "CurrentPassword") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (await signIn.UserManager.FindByIdAsync(id ?? "") is { } account)
            {
                await signIn.SignInAsync(account, isPersistent: false);
            }
            Done = outcome.Value.Message;
        }
        return Page();
    }
}
