using FairShare.Allocation;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Imports;
using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

public sealed class RechargeModel(RunRecharge run, RechargeLedger ledger, ImportFile import, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public bool DryRun { get; set; }
    [BindProperty] public ImportKind Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public decimal? ExpectTotal { get; set; }

    public IReadOnlyList<RunListing> Runs { get; private set; } = [];
    public RechargeRunSummary? Summary { get; private set; }
    public string? Message { get; private set; }
    public string ProblemTitle { get; private set; } = "There is a problem";
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Period ??= clock.GetUtcNow().AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Runs = await ledger.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string period, CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(await ledger.ExportJournalAsync(period, cancellationToken)), "text/csv", $"recharge-journal-{period}.csv");

    public Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken) => Act(async () =>
    {
        AllocationMethod? method = Enum.TryParse<AllocationMethod>(Method, out var m) ? m : null;
        Summary = await run.HandleAsync(Period ?? "", DryRun, method, cancellationToken: cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostReverseAsync(CancellationToken cancellationToken) => Act(async () =>
    {
        var id = await ledger.ReverseAsync(Period ?? "", cancellationToken);
        Message = $"Run {id} is reversed; {Period} can be run again.";
    }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) => Act(async () =>
    {
        await ledger.CloseAsync(Period ?? "", cancellationToken);
        Message = $"{Period} is closed.";
    }, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken) => Act(async () =>
    {
        if (Upload is null || Upload.Length == 0)
        {
            Problems = ["Choose a file to import."];
            return;
        }
        using var content = new MemoryStream();
        await Upload.CopyToAsync(content, cancellationToken);
        try
        {
            Message = (await import.HandleAsync(new ImportRequest(Kind, Upload.FileName, content.ToArray(), ExpectTotal), cancellationToken)).Message;
        }
        catch (ImportRejectedException e)
        {
            ProblemTitle = $"{Upload.FileName}: {e.Message}";
            Problems = e.Problems.Select(p => p.ToString()).ToArray();
        }
    }, cancellationToken);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
        }
        catch (ValidationFailedException e)
        {
            Problems = e.Errors.Select(x => $"{x.Field}: {x.Message}").ToArray();
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Runs = await ledger.ListAsync(cancellationToken);
        return Page();
    }
}
