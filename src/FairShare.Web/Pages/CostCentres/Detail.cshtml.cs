using System.ComponentModel.DataAnnotations;
using FairShare.Domain.Access;
using FairShare.Features.Organisation;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.CostCentres;

public sealed class CostCentreModel(GetCostCentre getCostCentre, SetBudget setBudget, CloseCostCentre closeCostCentre, TenantContext tenants) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["financialYear"] = "BudgetYear", ["amount"] = "Amount" };

    public CostCentreDetail CostCentre { get; private set; } = null!;

    public bool CanSetBudget => tenants.Actor.Has(Permission.SetBudgets);

    /// <summary>A support service's provider manager (or an administrator) adds offerings to its shop.</summary>
    public bool CanRunShop => CostCentre.Summary.Kind == Domain.CostCentreKind.Support
        && tenants.Actor.Has(Permission.ManageOfferings) && tenants.Actor.CanPriceOfferingOf(CostCentre.Summary.Id);

    [BindProperty, Display(Name = "the financial year")] public int BudgetYear { get; set; }
    [BindProperty, Display(Name = "the budget")] public decimal? Amount { get; set; }

    public BudgetLine? Saved { get; private set; }

    public bool CanClose => tenants.Actor.Has(Permission.ManageOrganisation);

    [BindProperty] public string? CloseFrom { get; set; }

    /// <summary>The date was good: ask once more before closing (a closed cost centre takes no more usage).</summary>
    public bool ConfirmClose { get; private set; }

    public string? Closed { get; private set; }

    public async Task<IActionResult> OnPostCloseAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }
        if (!Features.Imports.IsoDate.TryParse((CloseFrom ?? "").Trim(), out _))
        {
            ModelState.AddModelError(nameof(CloseFrom), "Enter the first day it is closed as YYYY-MM-DD.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        CloseFrom = CloseFrom!.Trim();
        ConfirmClose = true;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmCloseAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }
        var outcome = await closeCostCentre.HandleAsync(new CloseCostCentreRequest(CostCentre.Summary.Code, CloseFrom), cancellationToken);
        if (this.Show(outcome, new Dictionary<string, string> { ["from"] = nameof(CloseFrom) }, nameof(CloseFrom)) is { } refused)
        {
            return refused;
        }
        Closed = outcome.IsOk ? outcome.Value.Message : null;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }
        BudgetYear = int.Parse(CostCentre.Summary.FinancialYear[..4], System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await setBudget.HandleAsync(new SetBudgetRequest(id, BudgetYear, Amount), cancellationToken);
        if (this.Show(outcome, Fields, "Amount") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? outcome.Value : null;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var centre = await getCostCentre.HandleAsync(new GetCostCentreRequest(id), cancellationToken);
        if (this.Show(centre) is { } failed)
        {
            return failed;
        }
        CostCentre = centre.Value;
        return null;
    }
}
