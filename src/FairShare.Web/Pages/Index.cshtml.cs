using FairShare.Features.Catalogue;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

public sealed class IndexModel(ListOfferings listOfferings, TenantContext tenants) : PageModel
{
    public string AuthorityName { get; private set; } = "";
    public string Year { get; private set; } = "";
    public int Offerings { get; private set; }
    public int Categories => CategoryNames.Count;
    public IReadOnlyList<string> CategoryNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var listing = await listOfferings.HandleAsync(CatalogueFilter.None, cancellationToken);
        AuthorityName = tenants.Current.Name;
        Year = listing.FinancialYear;
        Offerings = listing.Offerings.Count;
        CategoryNames = listing.Categories;
    }
}
