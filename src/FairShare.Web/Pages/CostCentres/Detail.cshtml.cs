using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Organisation;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.CostCentres;

public sealed class CostCentreModel(GetCostCentre getCostCentre, SetBudget setBudget, TenantContext tenants) : PageModel
{
    public CostCentreDetail CostCentre { get; private set; } = null!;

    public bool CanSetBudget => tenants.Actor.Has(Permission.SetBudgets);

    [BindProperty] public int BudgetYear { get; set; }
    [BindProperty] public decimal? Amount { get; set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];
    public BudgetLine? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await getCostCentre.HandleAsync(id, cancellationToken) is not { } centre)
        {
            return NotFound();
        }
        CostCentre = centre;
        BudgetYear = int.Parse(centre.Summary.FinancialYear[..4], System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        if (Amount is null)
        {
            errors.Add(new DomainError("Amount", "Enter the budget in pounds."));
        }
        else
        {
            try
            {
                Saved = await setBudget.HandleAsync(id, BudgetYear, Amount.Value, cancellationToken);
                if (Saved is null)
                {
                    return NotFound();
                }
            }
            catch (ValidationFailedException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (await getCostCentre.HandleAsync(id, cancellationToken) is not { } centre)
        {
            return NotFound();
        }
        CostCentre = centre;
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
