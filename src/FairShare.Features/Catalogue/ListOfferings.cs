using FairShare.Domain;

namespace FairShare.Features.Catalogue;

/// <summary>The catalogue, filtered: what a budget holder browses to find support and its alternatives.</summary>
public sealed class ListOfferings(CatalogueReader catalogue)
{
    public async Task<CatalogueListing> HandleAsync(CatalogueFilter filter, CancellationToken cancellationToken = default)
    {
        var year = catalogue.YearOrCurrent(filter.Year);
        var all = await catalogue.LoadAsync(cancellationToken);
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

/// <summary>One offering with its price history and service levels, or null when this authority cannot see it.</summary>
public sealed class GetOffering(CatalogueReader catalogue)
{
    public async Task<OfferingDetail?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var offering = (await catalogue.LoadAsync(cancellationToken)).FirstOrDefault(o => o.Id == id);
        if (offering is null)
        {
            return null;
        }
        var history = offering.Prices.OrderByDescending(p => p.FinancialYearStart)
            .Select(p => new PriceHistoryEntry(
                new FinancialYear(p.FinancialYearStart, offering.Authority.YearStartMonth).Label,
                p.Model, p.Terms.Describe(offering.Unit), CatalogueReader.Normalise(p.Terms.ComparableUnitPrice)))
            .ToArray();
        var ownInternal = offering.AuthorityId == catalogue.Tenant.AuthorityId ? offering.ProviderCostCentreId : null;
        var providerDescription = offering.Supplier?.Description
            ?? (offering.AuthorityId == catalogue.Tenant.AuthorityId
                ? $"An internal support service of {offering.Authority.Name}."
                : $"A service of {offering.Authority.Name}, offered to neighbouring authorities.");
        return new OfferingDetail(
            catalogue.Summarise(offering, catalogue.CurrentYear), offering.Description, providerDescription, ownInternal, history);
    }
}

/// <summary>Every offering in one category side by side: internal, neighbouring authorities and external suppliers.</summary>
public sealed class CompareCategory(CatalogueReader catalogue)
{
    public async Task<CategoryComparison?> HandleAsync(string category, int? year = null, CancellationToken cancellationToken = default)
    {
        var financialYear = catalogue.YearOrCurrent(year);
        var offerings = (await catalogue.LoadAsync(cancellationToken))
            .Where(o => string.Equals(o.Category, category.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(o => catalogue.Summarise(o, financialYear))
            .OrderBy(s => s.ProviderType)
            .ThenBy(s => s.Unit, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.UnitPrice ?? decimal.MaxValue)
            .ToArray();
        return offerings.Length == 0 ? null : new CategoryComparison(offerings[0].Category, financialYear.Label, offerings);
    }
}
