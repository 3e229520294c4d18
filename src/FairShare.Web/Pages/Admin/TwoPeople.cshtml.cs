using FairShare.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin;

/// <summary>The authority's two-person rule for journals, for administrators.</summary>
public sealed class TwoPeopleModel(GetTwoPersonRule get, SetTwoPersonRule set) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["required"] = "Required" };

    public TwoPersonRuleSetting? Setting { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty] public string? Required { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        bool? required = Required switch { "on" => true, "off" => false, _ => null };
        var outcome = await set.HandleAsync(new SetTwoPersonRuleRequest(required), cancellationToken);
        if (this.Show(outcome, Fields, "Required") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? outcome.Value.Message : null;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(new GetTwoPersonRuleRequest(), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Setting = outcome.Value;
        return null;
    }
}
