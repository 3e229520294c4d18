using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FairShare.Domain;
using FairShare.Features;
using FairShare.Features.Catalogue;
using FairShare.Features.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

/// <summary>An offering's prices for its provider: drafts, publishing (after a confirmation) and the price calculator.</summary>
public sealed class PricesModel(GetOffering getOffering, SetOfferingPrice draftPrice, PublishOfferingPrice publishPrice,
    CalculateOfferingPrice calculator, CatalogueReader catalogue) : PageModel
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
        ["fromPeriod"] = "FromPeriod",
        ["annualFee"] = "Fee",
        ["fixedFee"] = "Fee",
        ["overageRate"] = "Rate",
        ["ratePerDriverUnit"] = "Rate",
        ["indicativeHourlyRate"] = "Rate",
        ["price"] = "Rate",
        ["expectedVolume"] = "Volume",
    };

    public OfferingDetail Offering { get; private set; } = null!;
    public PriceCalculation? Calculation { get; private set; }
    public string? CalculatorRefusal { get; private set; }

    [BindProperty(SupportsGet = true), Display(Name = "the financial year")] public int PriceYear { get; set; }
    [BindProperty] public string? PriceModel { get; set; }
    [BindProperty, Display(Name = "the rate")] public decimal? Rate { get; set; }
    [BindProperty, Display(Name = "the fee")] public decimal? Fee { get; set; }
    [BindProperty, Display(Name = "the included quantity")] public decimal? IncludedQuantity { get; set; }
    [BindProperty] public string? Schedule { get; set; }
    [BindProperty] public string? Driver { get; set; }
    [BindProperty, Display(Name = "the period")] public int? FromPeriod { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "the expected volume")] public decimal? Volume { get; set; }

    /// <summary>The draft waiting for confirmation before it is published: its year and starting period.</summary>
    [BindProperty(SupportsGet = true)] public int? Publish { get; set; }
    [BindProperty(SupportsGet = true)] public int? PublishFrom { get; set; }

    public string? Saved { get; private set; }

    public PriceHistoryEntry? ToConfirm => Publish is { } y ? Offering.Drafts?.FirstOrDefault(d => d.Year == y && d.FromPeriod == (PublishFrom ?? 1)) : null;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (PriceYear == 0)
        {
            PriceYear = catalogue.CurrentYear.Next.StartYear;
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDraftAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var model = Parse.Word<PricingModel>(PriceModel, "model");
        InvoiceSchedule? schedule = Slugs.TryParse<InvoiceSchedule>(Schedule, out var s) ? s : null;
        var outcome = model.IsSuccess
            ? await draftPrice.HandleAsync(new SetOfferingPriceRequest(id, new OfferingPriceInput(PriceYear, model.Value, Rate, Fee, IncludedQuantity, schedule, Driver, FromPeriod)), cancellationToken)
            : Outcome<string>.Invalid("model", "Choose a pricing model.");
        if (this.Show(outcome, Fields, "PriceModel") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? $"Draft {Label(PriceYear, FromPeriod)} price saved: {outcome.Value} It binds only once published." : null;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostPublishAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await publishPrice.HandleAsync(new PublishOfferingPriceRequest(id, Publish ?? 0, PublishFrom), cancellationToken);
        if (this.Show(outcome, Fields, "PriceYear") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? outcome.Value : null;
        Publish = null;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private static string Label(int year, int? fromPeriod) =>
        new FinancialYear(year).Label + (fromPeriod is > 1 ? $" from period {fromPeriod}" : "");

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var offering = await getOffering.HandleAsync(new GetOfferingRequest(id), cancellationToken);
        if (this.Show(offering) is { } failed)
        {
            return failed;
        }
        Offering = offering.Value;
        if (Offering.Editable is null)
        {
            HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] = $"Only the provider manager of {Offering.Summary.Provider} prices {Offering.Summary.Code}.";
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (PriceYear is >= Parse.FirstYear and <= Parse.LastYear)
        {
            var calculation = await calculator.HandleAsync(new CalculateOfferingPriceRequest(id, PriceYear, Volume), cancellationToken);
            Calculation = calculation.IsOk ? calculation.Value : null;
            CalculatorRefusal = calculation.IsOk ? null : calculation.Message;
        }
        return null;
    }

    public static string Quantity(decimal q) => q.ToString("#,##0.####", CultureInfo.GetCultureInfo("en-GB"));
}
