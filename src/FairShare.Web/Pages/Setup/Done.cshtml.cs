using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Setup;

/// <summary>The confirmation: shown once, to the one who created the council (their set-up cookie), then gone.</summary>
public sealed class DoneModel(SetupGate gate, TimeProvider clock) : PageModel
{
    public string Message { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (gate.DraftOf(HttpContext, clock.GetUtcNow()) is not { Completed: true } draft)
        {
            return NotFound();
        }
        Message = draft.Message ?? "";
        Response.Cookies.Delete(SetupGate.DraftCookie);
        return Page();
    }
}
