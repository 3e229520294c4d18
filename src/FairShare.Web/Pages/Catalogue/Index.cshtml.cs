using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class CatalogueModel(ListOfferings listOfferings, CatalogueReader catalogue) : PageModel
{
    /// <summary>The year switcher: this year and next year, by their first calendar year.</summary>
    public IReadOnlyList<(string Label, int Year)> Years =>
        [("This year", catalogue.CurrentYear.StartYear), ("Next year", catalogue.CurrentYear.Next.StartYear)];

    public int YearStartMonth => catalogue.Tenant.YearStartMonth;

    /// <summary>The catalogue as filtered now, for another year.</summary>
    public string YearLink(int year) => "/catalogue" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["category"] = Category,
        ["provider"] = Provider,
        ["providerType"] = ProviderType,
        ["chargingClass"] = ChargingClass,
        ["pricingModel"] = PricingModel,
        ["search"] = Search,
        ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    /// <summary>The filters on the form, by their inputs' ids; a bad year (typed into the address) is shown in the summary without a link.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["search"] = "Search",
        ["providerType"] = "ProviderType",
        ["chargingClass"] = "ChargingClass",
        ["pricingModel"] = "PricingModel",
    };

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProviderType { get; set; }
    [BindProperty(SupportsGet = true)] public string? ChargingClass { get; set; }
    [BindProperty(SupportsGet = true)] public string? PricingModel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public ListOfferingsRequest Input => new(Category, Provider, ProviderType, ChargingClass, PricingModel, Search, Year);
    public CatalogueListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await listOfferings.HandleAsync(Input, cancellationToken);
        if (this.Show(outcome, Fields) is { } failed)
        {
            return failed;
        }
        if (!outcome.IsOk)
        {
            // Bad filters: their errors above, the filters as typed, and the whole catalogue below.
            var all = await listOfferings.HandleAsync(new ListOfferingsRequest(), cancellationToken);
            if (!all.IsOk)
            {
                return this.Show(all) ?? StatusCode(StatusCodes.Status500InternalServerError);
            }
            outcome = all;
        }
        Listing = outcome.Value;
        return Page();
    }
}
