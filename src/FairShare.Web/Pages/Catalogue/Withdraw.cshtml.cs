using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

/// <summary>Withdraw an offering from a day, after confirming: it leaves the catalogue and stays on record.</summary>
public sealed class WithdrawModel(GetOffering getOffering, WithdrawOffering withdrawOffering) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["withdrawFrom"] = "From" };

    public OfferingSummary Offering { get; private set; } = null!;

    [BindProperty] public string? From { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await withdrawOffering.HandleAsync(new WithdrawOfferingRequest(id, From), cancellationToken);
        if (this.Show(outcome, Fields, "From") is { } failed)
        {
            return failed;
        }
        return outcome.IsOk ? Redirect($"/catalogue/{id}") : await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var offering = await getOffering.HandleAsync(new GetOfferingRequest(id), cancellationToken);
        if (this.Show(offering) is { } failed)
        {
            return failed;
        }
        Offering = offering.Value.Summary;
        return null;
    }
}
