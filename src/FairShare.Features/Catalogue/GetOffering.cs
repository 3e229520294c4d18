using FairShare.Domain;
using FairShare.Domain.Access;

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
        PriceHistoryEntry Entry(OfferingPrice p)
        {
            var year = new FinancialYear(p.FinancialYearStart, offering.Authority.YearStartMonth);
            return new PriceHistoryEntry(ProviderShop.Label(year, p.FromPeriod), p.Model, p.Terms.Describe(offering.Unit),
                CatalogueReader.Normalise(p.Terms.ComparableUnitPrice), p.FinancialYearStart, p.FromPeriod, p.IsPublished);
        }
        var ordered = offering.Prices.OrderByDescending(p => p.FinancialYearStart).ThenByDescending(p => p.FromPeriod).ToArray();
        var history = ordered.Where(p => p.IsPublished).Select(Entry).ToArray();
        var own = offering.AuthorityId == catalogue.Tenant.AuthorityId;
        // Drafts are the provider's working: only those who may price the offering see them.
        var manages = own && catalogue.Actor.CanPriceOfferingOf(offering.ProviderCostCentreId) && catalogue.Actor.Has(Permission.SetOfferingPrices);
        var drafts = manages ? ordered.Where(p => !p.IsPublished).Select(Entry).ToArray() : [];
        var providerDescription = offering.Supplier?.Description
            ?? (own
                ? $"An internal support service of {offering.Authority.Name}."
                : $"A service of {offering.Authority.Name}, offered to neighbouring authorities.");
        return new OfferingDetail(
            catalogue.Summarise(offering, catalogue.CurrentYear), offering.Description, providerDescription, own ? offering.ProviderCostCentreId : null, history,
            offering.NoticeMonths, offering.WithdrawnFrom, drafts,
            own ? offering.ChargingClassChanges.OrderBy(c => c.EffectiveFrom).Select(c => new ChargingClassEntry(c.ChargingClass, c.EffectiveFrom)).ToArray() : [],
            manages ? new OfferingInput(offering.Code, offering.Name, offering.Description, offering.Category, offering.Unit, offering.ProviderCostCentre?.Code,
                offering.NoticeMonths, offering.RespondWithinWorkingDays, offering.CompleteWithinWorkingDays, offering.HoursOfCover) : null);
    }
}
