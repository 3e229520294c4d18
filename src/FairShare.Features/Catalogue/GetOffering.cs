using FairShare.Domain;

namespace FairShare.Features.Catalogue;

public sealed record GetOfferingRequest(int Id);

/// <summary>One offering with its price history and service levels; not found when this authority cannot see it.</summary>
public sealed class GetOffering(CatalogueReader catalogue)
{
    public async Task<Outcome<OfferingDetail>> HandleAsync(GetOfferingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (catalogue.Refusal is { } forbidden)
        {
            return Outcome<OfferingDetail>.Forbidden(forbidden);
        }
        var offering = (await catalogue.LoadAsync(cancellationToken)).FirstOrDefault(o => o.Id == request.Id);
        if (offering is null)
        {
            return Outcome<OfferingDetail>.NotFound($"There is no offering {request.Id}.");
        }
        var history = offering.Prices.OrderByDescending(p => p.FinancialYearStart)
            .Select(p => new PriceHistoryEntry(
                new FinancialYear(p.FinancialYearStart, offering.Authority.YearStartMonth).Label,
                p.Model, p.Terms.Describe(offering.Unit), CatalogueReader.Normalise(p.Terms.ComparableUnitPrice)))
            .ToArray();
        var own = offering.AuthorityId == catalogue.Tenant.AuthorityId;
        var providerDescription = offering.Supplier?.Description
            ?? (own
                ? $"An internal support service of {offering.Authority.Name}."
                : $"A service of {offering.Authority.Name}, offered to neighbouring authorities.");
        return new OfferingDetail(
            catalogue.Summarise(offering, catalogue.CurrentYear), offering.Description, providerDescription, own ? offering.ProviderCostCentreId : null, history);
    }
}
