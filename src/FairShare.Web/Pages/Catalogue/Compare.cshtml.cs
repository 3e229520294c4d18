using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class CompareModel(ListOfferings listOfferings, CompareCategory compare) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "category")] public string? Requested { get; set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];
    public CategoryComparison? Comparison { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = (await listOfferings.HandleAsync(CatalogueFilter.None, cancellationToken)).Categories;
        var category = string.IsNullOrWhiteSpace(Requested) ? (Categories.Count > 0 ? Categories[0] : null) : Requested;
        Comparison = category is null ? null : await compare.HandleAsync(category, cancellationToken: cancellationToken);
        if (Comparison is null && Requested is not null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
