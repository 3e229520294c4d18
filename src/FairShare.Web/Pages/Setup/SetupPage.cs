using FairShare.Features.Demo;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Setup;

/// <summary>
/// What every first-run page shares: it exists only while set-up is open and the database holds no authority at all
/// (else 404), and past the first page only for someone who gave the setup token (else back to the first page).
/// </summary>
public abstract class SetupPage(SetupGate gate, DemoDatabase database, TimeProvider clock) : PageModel
{
    protected SetupGate Gate => gate;

    public SetupDraft Draft { get; private set; } = null!;

    /// <summary>Null when the page may be shown; else the answer (404 or a redirect to the start).</summary>
    protected async Task<IActionResult?> GuardAsync(bool needsDraft = true)
    {
        if (!gate.IsOpen)
        {
            return NotFound();
        }
        if (!await database.IsEmptyAsync(HttpContext.RequestAborted))
        {
            gate.Close();
            return NotFound();
        }
        if (needsDraft)
        {
            if (gate.DraftOf(HttpContext, clock.GetUtcNow()) is not { Completed: false } draft)
            {
                return Redirect("/setup");
            }
            Draft = draft;
        }
        return null;
    }

    protected DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The use case's field names as the form's ids.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Name",
        ["code"] = "Code",
        ["yearStartMonth"] = "YearStartMonth",
        ["adminName"] = "AdminName",
        ["adminEmail"] = "AdminEmail",
        ["password"] = "Password",
    };

    /// <summary>Puts the errors of these fields on the page; true when there were any.</summary>
    protected bool ShowErrors(IEnumerable<Domain.DomainError> errors, params string[] fields)
    {
        var shown = false;
        foreach (var error in errors.Where(e => fields.Contains(e.Field)))
        {
            ModelState.AddModelError(Fields[error.Field], Sentence(error));
            shown = true;
        }
        if (shown)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return shown;
    }

    private static string Sentence(Domain.DomainError error) => error.Field switch
    {
        "name" => "Council name " + error.Message,
        "code" => "Code " + error.Message,
        "yearStartMonth" => "Financial year start month " + error.Message,
        "adminName" => "Full name " + error.Message,
        "adminEmail" => "Email address " + error.Message,
        _ => "Password " + error.Message,
    };

    /// <summary>Where the next question is: the check-answers page once every answer is there, as GOV.UK's pattern returns there after a change.</summary>
    protected IActionResult Next(string page) => Redirect(Draft.HasCouncil && Draft.HasAdministrator ? "/setup/check" : page);
}
