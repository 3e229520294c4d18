using FairShare.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.CostCentres;

public sealed class CostCentresModel(ListCostCentres listCostCentres) : PageModel
{
    public IReadOnlyList<CostCentreSummary> CostCentres { get; private set; } = [];
    public string Year => CostCentres.Count > 0 ? CostCentres[0].FinancialYear : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await listCostCentres.HandleAsync(new ListCostCentresRequest(), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        CostCentres = outcome.Value;
        return Page();
    }
}
