using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

public sealed class AuditModel(SearchAuditLog search, ExportAuditLog export, TenantContext tenants) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["from"] = "From", ["to"] = "To" };

    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];
    public string Authority => tenants.Current.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await search.HandleAsync(new SearchAuditLogRequest(Text, From, To), cancellationToken);
        if (this.Show(outcome, Fields, "Text") is { } failed)
        {
            return failed;
        }
        Lines = outcome.IsOk ? outcome.Value : [];
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var outcome = await export.HandleAsync(new ExportAuditLogRequest(Text, From, To), cancellationToken);
        if (this.Show(outcome, Fields, "Text") is { } failed)
        {
            return failed;
        }
        if (!outcome.IsOk)
        {
            // Bad dates: the search page, with the error summary and the dates as typed.
            return Page();
        }
        return File(System.Text.Encoding.UTF8.GetBytes(outcome.Value.Csv), "text/csv; charset=utf-8", outcome.Value.FileName);
    }
}
