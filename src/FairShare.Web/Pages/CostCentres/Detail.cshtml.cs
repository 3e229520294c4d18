using FairShare.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.CostCentres;

public sealed class CostCentreModel(GetCostCentre getCostCentre) : PageModel
{
    public CostCentreDetail CostCentre { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await getCostCentre.HandleAsync(id, cancellationToken) is not { } centre)
        {
            return NotFound();
        }
        CostCentre = centre;
        return Page();
    }
}
