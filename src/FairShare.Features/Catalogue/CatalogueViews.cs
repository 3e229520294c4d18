using FairShare.Domain;

namespace FairShare.Features.Catalogue;

/// <summary>One line of the catalogue, priced for one financial year.</summary>
public sealed record OfferingSummary(
    int Id,
    string Code,
    string Name,
    string Category,
    string Unit,
    string Provider,
    ProviderType ProviderType,
    string ProviderAuthority,
    ChargingClass ChargingClass,
    PricingModel? PricingModel,
    string FinancialYear,
    string Price,
    decimal? UnitPrice,
    IReadOnlyList<string> ServiceLevels);

public sealed record PriceHistoryEntry(string FinancialYear, PricingModel Model, string Price, decimal? UnitPrice);

public sealed record OfferingDetail(
    OfferingSummary Summary,
    string Description,
    string ProviderDescription,
    int? ProviderCostCentreId,
    IReadOnlyList<PriceHistoryEntry> PriceHistory);

public sealed record CategoryComparison(string Category, string FinancialYear, IReadOnlyList<OfferingSummary> Offerings);

public sealed record CatalogueListing(
    string FinancialYear,
    IReadOnlyList<OfferingSummary> Offerings,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Providers);
