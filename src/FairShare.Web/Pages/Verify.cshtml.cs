using FairShare.Features.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

/// <summary>The ledger's and the audit log's tamper evidence, checked for auditors, finance officers and administrators.</summary>
public sealed class VerifyModel(VerifyLedger verify) : PageModel
{
    public LedgerVerification? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await verify.HandleAsync(new VerifyLedgerRequest(), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Result = outcome.Value;
        return Page();
    }
}
