using FairShare.Domain;
using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class OfferingModel(GetOffering getOffering, SetOfferingPrice setPrice, TenantContext tenants) : PageModel
{
    public OfferingDetail Offering { get; private set; } = null!;

    /// <summary>Only the provider manager of the offering's service (or an administrator) sees the pricing form.</summary>
    public bool CanPrice => Offering.ProviderCostCentreId is not null && tenants.Actor.CanPriceOfferingOf(Offering.ProviderCostCentreId);

    [BindProperty] public int PriceYear { get; set; }
    [BindProperty] public string? PriceModel { get; set; }
    [BindProperty] public decimal? Rate { get; set; }
    [BindProperty] public decimal? Fee { get; set; }
    [BindProperty] public decimal? IncludedQuantity { get; set; }
    [BindProperty] public string? Schedule { get; set; }
    [BindProperty] public string? Driver { get; set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await getOffering.HandleAsync(id, cancellationToken) is not { } offering)
        {
            return NotFound();
        }
        Offering = offering;
        PriceYear = NextYear();
        return Page();
    }

    public async Task<IActionResult> OnPostPriceAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        if (!Features.Slugs.TryParse<PricingModel>(PriceModel, out var model))
        {
            errors.Add(new DomainError("PriceModel", "Choose a pricing model."));
        }
        InvoiceSchedule? schedule = Features.Slugs.TryParse<InvoiceSchedule>(Schedule, out var s) ? s : null;
        string? price = null;
        if (errors.Count == 0)
        {
            try
            {
                price = await setPrice.HandleAsync(id, new OfferingPriceInput(PriceYear, model, Rate, Fee, IncludedQuantity, schedule, Driver), cancellationToken);
                if (price is null)
                {
                    return NotFound();
                }
            }
            catch (ValidationFailedException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (await getOffering.HandleAsync(id, cancellationToken) is not { } offering)
        {
            return NotFound();
        }
        Offering = offering;
        Errors = errors;
        Saved = price;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private int NextYear() => int.Parse(Offering.PriceHistory.Count > 0 ? Offering.PriceHistory[0].FinancialYear[..4] : "2026",
        System.Globalization.CultureInfo.InvariantCulture) + 1;
}
