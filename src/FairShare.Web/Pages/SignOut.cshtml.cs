using FairShare.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

/// <summary>
/// Sign-out is a POST (with the antiforgery token), so no link elsewhere can sign anyone out. It ends the person's
/// sessions on the server (see <see cref="Identity.SessionCheck"/>), not only the cookie in this browser.
/// </summary>
public sealed class SignOutModel(SignInManager<UserAccount> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends the session on the server too: a copy of the cookie kept from before opens nothing.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
