using FairShare.Features;
using FairShare.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>"Are you sure?" before withdrawing an import, saying what would be removed (the dry run), with the reason required; then the confirmation panel.</summary>
public sealed class WithdrawImportModel(WithdrawImport withdraw) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["reason"] = "Reason" };

    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>What withdrawing would remove; null when it cannot be withdrawn now (<see cref="Refusal"/> says why).</summary>
    public ImportWithdrawal? Preview { get; private set; }
    public string? Refusal { get; private set; }
    public ImportWithdrawal? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await PreviewAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await withdraw.HandleAsync(new WithdrawImportRequest(Id, Reason), cancellationToken);
        if (outcome.IsOk)
        {
            Done = outcome.Value;
            return Page();
        }
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return this.Show(outcome)!;
        }
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            this.Show(outcome, Fields, "Reason");
            return await PreviewAsync(cancellationToken) ?? Page();
        }
        // Refused: withdrawn or posted a moment ago; the page says why, without the form.
        Refusal = outcome.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> PreviewAsync(CancellationToken cancellationToken)
    {
        var dryRun = await withdraw.HandleAsync(new WithdrawImportRequest(Id, null, DryRun: true), cancellationToken);
        if (dryRun.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return this.Show(dryRun);
        }
        Preview = dryRun.IsOk ? dryRun.Value : null;
        Refusal = dryRun.IsOk ? null : dryRun.Message;
        return null;
    }
}
