using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace FairShare.Web.Pages.Catalogue;

/// <summary>A provider manager adds an offering to their service's shop; it is tradeable and unpriced until a price is published.</summary>
public sealed class AddModel(AddOffering addOffering) : OfferingForm
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await addOffering.HandleAsync(new AddOfferingRequest(Input), cancellationToken);
        if (this.Show(outcome, Fields, "Code") is { } failed)
        {
            return failed;
        }
        return outcome.IsOk ? Redirect($"/catalogue/{outcome.Value.Id}/prices") : Page();
    }
}
