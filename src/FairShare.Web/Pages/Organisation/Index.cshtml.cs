using FairShare.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Organisation;

/// <summary>The organisation at a glance, and saving a column mapping for the ledger's layout (administrators and finance officers).</summary>
public sealed class IndexModel(GetOrganisation organisation, SaveColumnMapping saveMapping) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["name"] = "MappingName", ["kind"] = "MappingKind", ["columns"] = "Columns", ["dateFormat"] = "DateFormat" };

    public OrganisationOverview Overview { get; private set; } = null!;

    [BindProperty] public string? MappingName { get; set; }
    [BindProperty] public string? MappingKind { get; set; }
    [BindProperty] public string? Columns { get; set; }
    [BindProperty] public string? DateFormat { get; set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostMappingAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var outcome = await saveMapping.HandleAsync(new SaveColumnMappingRequest(MappingName, MappingKind, Columns, DateFormat), cancellationToken);
        if (this.Show(outcome, Fields, "Columns") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            Saved = $"Saved the column mapping {outcome.Value.Name}.";
            return await LoadAsync(cancellationToken) ?? Page();
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await organisation.HandleAsync(new GetOrganisationRequest(), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Overview = outcome.Value;
        return null;
    }
}
