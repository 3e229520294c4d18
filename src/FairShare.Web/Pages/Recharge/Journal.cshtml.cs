using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>The period's posted run as the CSV journal a council's ledger imports.</summary>
public sealed class JournalModel(ExportJournal export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? period, int? batch, CancellationToken cancellationToken)
    {
        var outcome = await export.HandleAsync(new ExportJournalRequest(period, batch), cancellationToken);
        if (outcome.IsOk)
        {
            if (outcome.Value.ChainHead is { Length: > 0 } head)
            {
                Response.Headers["X-FairShare-Chain-Head"] = head;
            }
            return File(System.Text.Encoding.UTF8.GetBytes(outcome.Value.Csv), "text/csv; charset=utf-8", outcome.Value.FileName);
        }
        HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] = outcome.Message;
        return this.Show(outcome) ?? StatusCode(StatusCodes.Status400BadRequest);
    }
}
