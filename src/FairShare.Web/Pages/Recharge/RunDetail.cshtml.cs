using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>One run: what it posted, the recovery table, its journals and what became of it; after posting, the confirmation panel.</summary>
public sealed class RunDetailModel(GetRechargeRun getRun) : PageModel
{
    public RechargeRunDetail Detail { get; private set; } = null!;
    public bool JustPosted { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, bool posted, CancellationToken cancellationToken)
    {
        var outcome = await getRun.HandleAsync(new GetRechargeRunRequest(id), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Detail = outcome.Value;
        JustPosted = posted && Detail.Run.Status == "Posted";
        return Page();
    }
}
