using System.ComponentModel.DataAnnotations;
using FairShare.Domain;
using FairShare.Features;
using FairShare.Features.Catalogue;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class OfferingModel(GetOffering getOffering, SetOfferingPrice setPrice, TenantContext tenants) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["financialYear"] = "PriceYear",
        ["model"] = "PriceModel",
        ["rate"] = "Rate",
        ["fee"] = "Fee",
        ["includedQuantity"] = "IncludedQuantity",
        ["schedule"] = "Schedule",
        ["driver"] = "Driver",
    };

    public OfferingDetail Offering { get; private set; } = null!;

    /// <summary>Only the provider manager of the offering's service (or an administrator) sees the pricing form.</summary>
    public bool CanPrice => Offering.ProviderCostCentreId is not null && tenants.Actor.CanPriceOfferingOf(Offering.ProviderCostCentreId);

    [BindProperty, Display(Name = "the financial year")] public int PriceYear { get; set; }
    [BindProperty] public string? PriceModel { get; set; }
    [BindProperty, Display(Name = "the rate")] public decimal? Rate { get; set; }
    [BindProperty, Display(Name = "the fee")] public decimal? Fee { get; set; }
    [BindProperty, Display(Name = "the included quantity")] public decimal? IncludedQuantity { get; set; }
    [BindProperty] public string? Schedule { get; set; }
    [BindProperty] public string? Driver { get; set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }
        PriceYear = NextYear();
        return Page();
    }

    public async Task<IActionResult> OnPostPriceAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var model = Parse.Word<PricingModel>(PriceModel, "model");
        InvoiceSchedule? schedule = Features.Slugs.TryParse<InvoiceSchedule>(Schedule, out var s) ? s : null;
        var outcome = model.IsSuccess
            ? await setPrice.HandleAsync(new SetOfferingPriceRequest(id, new OfferingPriceInput(PriceYear, model.Value, Rate, Fee, IncludedQuantity, schedule, Driver)), cancellationToken)
            : Outcome<string>.Invalid("model", "Choose a pricing model.");
        if (this.Show(outcome, Fields, "PriceModel") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? outcome.Value : null;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var offering = await getOffering.HandleAsync(new GetOfferingRequest(id), cancellationToken);
        if (this.Show(offering) is { } failed)
        {
            return failed;
        }
        Offering = offering.Value;
        return null;
    }

    private int NextYear() => int.Parse(Offering.PriceHistory.Count > 0 ? Offering.PriceHistory[0].FinancialYear[..4] : "2026",
        System.Globalization.CultureInfo.InvariantCulture) + 1;
}
