using FairShare.Domain;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

public sealed class AuditModel(SearchAuditLog search, TenantContext tenants) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];
    public IReadOnlyList<DomainError> Errors { get; private set; } = [];
    public string Authority => tenants.Current.Name;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Parse();
        Lines = await search.HandleAsync(query, cancellationToken);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var query = Parse();
        if (Errors.Count > 0)
        {
            return BadRequest(string.Join(" ", Errors));
        }
        var lines = await search.HandleAsync(query with { Limit = 10_000 }, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(AuditExport.ToCsv(lines)), "text/csv", $"audit-{tenants.Current.Code}.csv");
    }

    private AuditSearch Parse()
    {
        var errors = new List<DomainError>();
        var from = ApiEndpoints.ParseDate("from", From, errors);
        var to = ApiEndpoints.ParseDate("to", To, errors);
        Errors = errors;
        return new AuditSearch(Text, from, to);
    }
}
