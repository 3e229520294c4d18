using FairShare.Features.Demo;
using FairShare.Features.Setup;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FairShare.Web.Pages.Setup;

/// <summary>The first question page: the council's name, code and the first month of its financial year.</summary>
public sealed class CouncilModel(SetupGate gate, DemoDatabase database, TimeProvider clock) : SetupPage(gate, database, clock)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public int? YearStartMonth { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await GuardAsync() is { } refused)
        {
            return refused;
        }
        (Name, Code, YearStartMonth) = (Draft.Name, Draft.Code, Draft.YearStartMonth ?? 4);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await GuardAsync() is { } refused)
        {
            return refused;
        }
        var errors = InitialiseAuthority.Validate(new InitialiseAuthorityRequest(Name ?? "", Code ?? "", YearStartMonth, "", "", null));
        if (ShowErrors(errors, "name", "code", "yearStartMonth"))
        {
            return Page();
        }
        (Draft.Name, Draft.Code, Draft.YearStartMonth) = (Name!.Trim(), Code!.Trim().ToUpperInvariant(), YearStartMonth);
        return Next("/setup/administrator");
    }
}
