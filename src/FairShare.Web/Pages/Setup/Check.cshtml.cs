using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Features.Setup;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FairShare.Web.Pages.Setup;

/// <summary>Check your answers, then create the council and its administrator (the same use case as <c>fairshare init</c>).</summary>
public sealed class CheckModel(SetupGate gate, DemoDatabase database, TimeProvider clock, InitialiseAuthority initialise) : SetupPage(gate, database, clock)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (await GuardAsync() is { } refused)
        {
            return refused;
        }
        return !Draft.HasCouncil ? Redirect("/setup/council") : !Draft.HasAdministrator ? Redirect("/setup/administrator") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync() is { } refused)
        {
            return refused;
        }
        if (!Draft.HasCouncil || !Draft.HasAdministrator)
        {
            return Redirect(Draft.HasCouncil ? "/setup/administrator" : "/setup/council");
        }
        var outcome = await initialise.HandleAsync(new InitialiseAuthorityRequest(
            Draft.Name!, Draft.Code!, Draft.YearStartMonth, Draft.AdminEmail!, Draft.AdminName!, Draft.Password, OnlyWhenEmpty: true, Via: "web"), cancellationToken);
        if (outcome.Kind == OutcomeKind.Refused && outcome.Errors.Count == 0)
        {
            Gate.Close();
            return NotFound();
        }
        if (this.Show(outcome, Fields) is { } failed)
        {
            return failed;
        }
        if (!outcome.IsOk)
        {
            return Page();
        }
        Draft.Password = null;
        Draft.Completed = true;
        Draft.Message = outcome.Value.Message;
        Gate.Close();
        return Redirect("/setup/done");
    }
}
