using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin;

public sealed class TokensModel(ApiTokens tokens, ScopeCodes scopes) : PageModel
{
    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];
    public IssuedApiToken? Issued { get; private set; }
    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? CostCentre { get; set; }
    [BindProperty] public string? Supplier { get; set; }
    [BindProperty] public int ValidDays { get; set; } = 90;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        if (!Features.Slugs.TryParse<Role>(Role, out var role))
        {
            errors.Add(new DomainError("Role", "Choose a role."));
        }
        var (costCentreId, supplierId) = await scopes.ResolveAsync(CostCentre, Supplier, errors, cancellationToken);
        if (errors.Count == 0)
        {
            try
            {
                Issued = await tokens.IssueAsync(new ApiTokenInput(Name ?? "", role, costCentreId, supplierId, ValidDays), cancellationToken);
            }
            catch (ValidationFailedException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Tokens = await tokens.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (await tokens.RevokeAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        return RedirectToPage();
    }
}
