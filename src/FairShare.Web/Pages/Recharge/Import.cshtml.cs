using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Tenancy;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>
/// Import a usage, driver, cost or provider-cost file, all or nothing. Who may import is decided before the
/// file is read: provider staff import their service's usage; finance officers every kind.
/// </summary>
public sealed class ImportModel(ImportFile import, TenantContext tenants, DemoMode demo, DemoDatabase demoData) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? ExpectTotal { get; set; }
    [BindProperty] public string? Encoding { get; set; }

    public IReadOnlyList<ImportKind> Kinds { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Demo { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetDemoFileAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        if (!Demo)
        {
            return NotFound();
        }
        var (name, csv) = await demoData.ImportableUsageAsync(cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Authorise first, read and write after: a refused request writes nothing.
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        var kind = Features.Inputs.Parse.Word<ImportKind>(Kind, "Kind");
        var encoding = Features.Inputs.Parse.Encoding(Encoding, "Encoding");
        if (!encoding.IsSuccess)
        {
            ModelState.AddModelError("Encoding", "Select how the file's text is saved: UTF-8 or Windows-1252.");
        }
        decimal? expected = null;
        if (!string.IsNullOrWhiteSpace(ExpectTotal))
        {
            if (decimal.TryParse(ExpectTotal.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var total))
            {
                expected = total;
            }
            else
            {
                ModelState.AddModelError("ExpectTotal", "Enter the control total as a number, like 1234.50, or leave it empty.");
            }
        }
        if (!kind.IsSuccess)
        {
            ModelState.AddModelError("Kind", "Select what the file holds.");
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", Upload is null ? "Select a CSV or Excel file to import." : "The selected file is empty.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var content = new MemoryStream();
        await Upload!.CopyToAsync(content, cancellationToken);
        var outcome = Located(await import.HandleAsync(new ImportRequest(kind.Value, Upload.FileName, content.ToArray(), expected, encoding.Value), cancellationToken));
        if (this.Show(outcome, new Dictionary<string, string> { ["kind"] = "Kind", ["encoding"] = "Encoding" }, "Upload") is { } failed)
        {
            return failed;
        }
        Message = outcome.IsOk ? outcome.Value.Message : null;
        return Page();
    }

    /// <summary>
    /// A bad row's field is its line and column ("line 3, quantity"); every row's error links to the file input,
    /// so the line and column go into the message, or the person could not find the row to mend.
    /// </summary>
    private static Outcome<ImportResult> Located(Outcome<ImportResult> outcome) =>
        outcome.Kind == OutcomeKind.Invalid && outcome.Errors.Any(e => e.Field.StartsWith("line ", StringComparison.Ordinal))
            ? Outcome<ImportResult>.Invalid([.. outcome.Errors.Select(e => e.Field.StartsWith("line ", StringComparison.Ordinal)
                ? e with { Message = $"Line {e.Field["line ".Length..]}: {e.Message}" } : e)])
            : outcome;

    private async Task<IActionResult?> LoadAsync()
    {
        Kinds = [.. Enum.GetValues<ImportKind>().Where(k => tenants.Actor.Has(k == ImportKind.Usage ? Permission.ImportUsage : Permission.ImportLedgerData))];
        if (Kinds.Count == 0)
        {
            HttpContext.Items[UseCaseExceptionHandler.MessageKey] = $"{TenantContext.Describe(tenants.Actor)} cannot import files.";
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Demo = tenants.Actor.Has(Permission.ImportLedgerData) && await demo.IsOnAsync();
        return null;
    }
}
