namespace FairShare.Features.Catalogue;

/// <summary>A category, priced for a financial year given by its first calendar year (2026); the current one when left out.</summary>
public sealed record CompareCategoryRequest(string Category, string? Year = null);

/// <summary>Every offering in one category side by side: internal, neighbouring authorities and external suppliers.</summary>
public sealed class CompareCategory(CatalogueReader catalogue)
{
    public async Task<Outcome<CategoryComparison>> HandleAsync(CompareCategoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (catalogue.Refusal is { } forbidden)
        {
            return Outcome<CategoryComparison>.Forbidden(forbidden);
        }
        var filter = CatalogueFilter.Parse(new ListOfferingsRequest(Year: request.Year));
        if (!filter.IsSuccess)
        {
            return Outcome<CategoryComparison>.Invalid(filter.Errors);
        }
        var financialYear = catalogue.YearOrCurrent(filter.Value.Year);
        var category = (request.Category ?? "").Trim();
        var offerings = (await catalogue.LoadListedAsync(cancellationToken))
            .Where(o => string.Equals(o.Category, category, StringComparison.OrdinalIgnoreCase))
            .Select(o => catalogue.Summarise(o, financialYear))
            .OrderBy(s => s.ProviderType)
            .ThenBy(s => s.Unit, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.UnitPrice ?? decimal.MaxValue)
            .ToArray();
        return offerings.Length == 0
            ? Outcome<CategoryComparison>.NotFound($"There is no category '{Inputs.Parse.Shown(request.Category)}' in the catalogue.")
            : new CategoryComparison(offerings[0].Category, financialYear.Label, offerings);
    }
}
