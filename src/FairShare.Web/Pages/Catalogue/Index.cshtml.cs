using FairShare.Domain;
using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class CatalogueModel(ListOfferings listOfferings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProviderType { get; set; }
    [BindProperty(SupportsGet = true)] public string? ChargingClass { get; set; }
    [BindProperty(SupportsGet = true)] public string? PricingModel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public CatalogueFilterInput Input => new(Category, Provider, ProviderType, ChargingClass, PricingModel, Search, Year);
    public CatalogueFilter? Filter { get; private set; }
    public IReadOnlyList<DomainError> Errors { get; private set; } = [];
    public CatalogueListing Listing { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = CatalogueFilter.Parse(Input);
        if (filter.IsSuccess)
        {
            Filter = filter.Value;
        }
        else
        {
            Errors = filter.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Listing = await listOfferings.HandleAsync(Filter ?? CatalogueFilter.None, cancellationToken);
    }
}
