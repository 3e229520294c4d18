using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>"Are you sure?" before marking a batch as loaded into the ledger, with the ledger's reference; then the confirmation panel.</summary>
public sealed class BatchSentModel(ListJournalBatches list, MarkJournalBatchSent mark) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? LedgerReference { get; set; }

    public JournalBatchListing? Batch { get; private set; }
    public JournalBatchListing? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } failed)
        {
            return failed;
        }
        var outcome = await mark.HandleAsync(new MarkJournalBatchSentRequest(Id, LedgerReference), cancellationToken);
        if (this.Show(outcome, new Dictionary<string, string> { ["ledgerReference"] = "LedgerReference" }, "LedgerReference") is { } refused)
        {
            return refused;
        }
        Done = outcome.IsOk ? outcome.Value : null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var batches = await list.HandleAsync(new ListJournalBatchesRequest(), cancellationToken);
        if (this.Show(batches) is { } failed)
        {
            return failed;
        }
        Batch = batches.Value.FirstOrDefault(b => b.Batch == Id);
        return Batch is null ? NotFound() : null;
    }
}
