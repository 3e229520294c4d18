using System.ComponentModel.DataAnnotations;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using FairShare.Features.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin;

public sealed class TokensModel(ListApiTokens listTokens, IssueApiToken issueToken, RevokeApiToken revokeToken, ScopeCodes scopes) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "Name",
        ["role"] = "Role",
        ["costCentre"] = "CostCentre",
        ["costCentreId"] = "CostCentre",
        ["supplier"] = "Supplier",
        ["supplierId"] = "Supplier",
        ["validDays"] = "ValidDays",
    };

    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];
    public IssuedApiToken? Issued { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? CostCentre { get; set; }
    [BindProperty] public string? Supplier { get; set; }
    [BindProperty, Display(Name = "the days it is valid for")] public int ValidDays { get; set; } = 90;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ListAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var role = Parse.Word<Role>(Role, "role");
        errors.AddRange(role.Errors);
        var (costCentreId, supplierId) = await scopes.ResolveAsync(CostCentre, Supplier, errors, cancellationToken);
        var outcome = errors.Count > 0
            ? Outcome<IssuedApiToken>.Invalid(errors)
            : await issueToken.HandleAsync(new IssueApiTokenRequest(Name ?? "", role.Value, costCentreId, supplierId, ValidDays), cancellationToken);
        if (this.Show(outcome, Fields, "Name") is { } failed)
        {
            return failed;
        }
        Issued = outcome.IsOk ? outcome.Value : null;
        return await ListAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await revokeToken.HandleAsync(new RevokeApiTokenRequest(id), cancellationToken);
        if (this.Show(outcome, Fields, "Name") is { } failed)
        {
            return failed;
        }
        return outcome.IsOk ? RedirectToPage() : await ListAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> ListAsync(CancellationToken cancellationToken)
    {
        var tokens = await listTokens.HandleAsync(new ListApiTokensRequest(), cancellationToken);
        if (!tokens.IsOk)
        {
            return this.Show(tokens);
        }
        Tokens = tokens.Value;
        return null;
    }
}
