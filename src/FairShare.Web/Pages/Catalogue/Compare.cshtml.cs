using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class CompareModel(ListOfferings listOfferings, CompareCategory compare) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "category")] public string? Requested { get; set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];
    public CategoryComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listing = await listOfferings.HandleAsync(new ListOfferingsRequest(), cancellationToken);
        if (this.Show(listing) is { } failed)
        {
            return failed;
        }
        Categories = listing.Value.Categories;
        var category = string.IsNullOrWhiteSpace(Requested) ? (Categories.Count > 0 ? Categories[0] : null) : Requested;
        if (category is null)
        {
            return Page();
        }
        var outcome = await compare.HandleAsync(new CompareCategoryRequest(category), cancellationToken);
        if (outcome.Kind == Features.OutcomeKind.NotFound)
        {
            // An unknown category still shows the form, so the person can pick one that exists.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (this.Show(outcome, fallbackField: "category") is { } refused)
        {
            return refused;
        }
        Comparison = outcome.IsOk ? outcome.Value : null;
        return Page();
    }
}
