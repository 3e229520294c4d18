using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class OfferingModel(GetOffering getOffering) : PageModel
{
    public OfferingDetail Offering { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await getOffering.HandleAsync(id, cancellationToken) is not { } offering)
        {
            return NotFound();
        }
        Offering = offering;
        return Page();
    }
}
