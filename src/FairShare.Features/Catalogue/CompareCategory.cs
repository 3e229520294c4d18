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
        var inCategory = (await catalogue.LoadListedAsync(cancellationToken))
            .Where(o => string.Equals(o.Category, category, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        // A supplier's contract is judged on the later of today and the year's first day: an ended contract offers nothing.
        var today = catalogue.Today;
        var onDate = financialYear.FirstDay > today ? financialYear.FirstDay : today;
        var contracts = inCategory.Where(o => o.Supplier is not null && o.AuthorityId == catalogue.Tenant.AuthorityId)
            .Select(o => new SupplierContractNote(o.Id, o.Supplier!.Name, o.Supplier.ContractReference, o.Supplier.ContractEnd, o.Supplier.ContractEndedBy(onDate)))
            .ToArray();
        var ended = contracts.Where(c => c.Ended).Select(c => c.OfferingId).ToHashSet();
        var summaries = inCategory
            .Select(o => catalogue.Summarise(o, financialYear))
            .OrderBy(s => s.ProviderType)
            .ThenBy(s => s.Unit, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.UnitPrice ?? decimal.MaxValue)
            .ToArray();
        return summaries.Length == 0
            ? Outcome<CategoryComparison>.NotFound($"There is no category '{Inputs.Parse.Shown(request.Category)}' in the catalogue.")
            : new CategoryComparison(summaries[0].Category, financialYear.Label,
                [.. summaries.Where(s => !ended.Contains(s.Id))], contracts, [.. summaries.Where(s => ended.Contains(s.Id))]);
    }
}
