using FairShare.Features.Demo;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FairShare.Web.Pages.Setup;

/// <summary>The first-run page's start: the setup token from the server's console.</summary>
public sealed class IndexModel(SetupGate gate, DemoDatabase database, TimeProvider clock) : SetupPage(gate, database, clock)
{
    [BindProperty] public string? SetupToken { get; set; }

    public async Task<IActionResult> OnGetAsync() => await GuardAsync(needsDraft: false) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await GuardAsync(needsDraft: false) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(SetupToken))
        {
            ModelState.AddModelError(nameof(SetupToken), "Enter the setup token shown on the server's console when FairShare started");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!Gate.Accepts(SetupToken))
        {
            ModelState.AddModelError(nameof(SetupToken), "The setup token is not right: copy it from the server's console, where FairShare printed it when it started");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SetupToken = null;
            return Page();
        }
        var (key, _) = Gate.StartDraft(Now);
        Response.Cookies.Append(SetupGate.DraftCookie, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromMinutes(30),
        });
        return Redirect("/setup/council");
    }
}
