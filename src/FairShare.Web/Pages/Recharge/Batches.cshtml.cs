using FairShare.Domain.Access;
using FairShare.Features.Recharge;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>The journal batches for the general ledger, each with its control totals, and whether it was sent.</summary>
public sealed class BatchesModel(ListJournalBatches list, TenantContext tenants) : PageModel
{
    public IReadOnlyList<JournalBatchListing> Batches { get; private set; } = [];
    public bool MayMark { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(new ListJournalBatchesRequest(), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Batches = outcome.Value;
        MayMark = tenants.Actor.Has(Permission.RunRecharge);
        return Page();
    }
}
