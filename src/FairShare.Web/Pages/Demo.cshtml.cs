using FairShare.Domain.Access;
using FairShare.Features.Demo;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FairShare.Web.Pages;

/// <summary>One-click sign-in as any demo account: only on the embedded demo database, never in production.</summary>
[EnableRateLimiting(FairShareWebApp.SignInRateLimit)]
public sealed class DemoModel(DemoMode demo, SignInManager<UserAccount> signIn) : PageModel
{
    public sealed record Person(string Authority, string Name, string Role, string Email);

    public IReadOnlyList<Person> People { get; } = DemoCatalogue.People
        .Select(p => new Person(p.Authority == DemoCatalogue.CountyCode ? "Northshire County Council" : "Westvale Borough Council",
            p.Name, AccessPolicy.Describe(p.Role), p.Email))
        .ToArray();

    public async Task<IActionResult> OnGetAsync() => await demo.IsOnAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? email)
    {
        if (!await demo.IsOnAsync())
        {
            return NotFound();
        }
        if (email is null || !DemoCatalogue.People.Any(p => p.Email == email) || await signIn.UserManager.FindByEmailAsync(email) is not { } user)
        {
            return BadRequest();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/");
    }
}
