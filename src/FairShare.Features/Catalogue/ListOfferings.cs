namespace FairShare.Features.Catalogue;

/// <summary>
/// The filter as a page's query string, an API call or the command line gives it, in the words of every door
/// (provider types, charging classes and pricing models as kebab-case words; the year as its first calendar year).
/// Every criterion left out matches everything.
/// </summary>
public sealed record ListOfferingsRequest(
    string? Category = null,
    string? Provider = null,
    string? ProviderType = null,
    string? ChargingClass = null,
    string? PricingModel = null,
    string? Search = null,
    string? Year = null);

/// <summary>The catalogue, filtered: what a budget holder browses to find support and its alternatives.</summary>
public sealed class ListOfferings(CatalogueReader catalogue)
{
    public async Task<Outcome<CatalogueListing>> HandleAsync(ListOfferingsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (catalogue.Refusal is { } forbidden)
        {
            return Outcome<CatalogueListing>.Forbidden(forbidden);
        }
        var parsed = CatalogueFilter.Parse(request);
        if (!parsed.IsSuccess)
        {
            return Outcome<CatalogueListing>.Invalid(parsed.Errors);
        }
        var filter = parsed.Value;
        var year = catalogue.YearOrCurrent(filter.Year);
        var all = await catalogue.LoadListedAsync(cancellationToken);
        var summaries = all.Select(o => catalogue.Summarise(o, year)).ToList();
        var matching = summaries.Where(s => Matches(s, filter)).ToList();
        return new CatalogueListing(
            year.Label,
            matching,
            summaries.Select(s => s.Category).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray(),
            summaries.Select(s => s.Provider).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static bool Matches(OfferingSummary s, CatalogueFilter f) =>
        (f.Category is null || string.Equals(s.Category, f.Category, StringComparison.OrdinalIgnoreCase))
        && (f.Provider is null || string.Equals(s.Provider, f.Provider, StringComparison.OrdinalIgnoreCase))
        && (f.ProviderType is null || s.ProviderType == f.ProviderType)
        && (f.ChargingClass is null || s.ChargingClass == f.ChargingClass)
        && (f.PricingModel is null || s.PricingModel == f.PricingModel)
        && (f.Search is null || MatchesSearch(s, f.Search));

    /// <summary>Every word of the search must appear somewhere in the offering's name, code, category, provider or unit.</summary>
    private static bool MatchesSearch(OfferingSummary s, string search)
    {
        var haystack = string.Join(' ', s.Name, s.Code, s.Category, s.Provider, s.ProviderAuthority, s.Unit);
        return search.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => haystack.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
