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

/// <summary>A year's price: published (binding for its year) or a draft; a lower price may start from a later period.</summary>
public sealed record PriceHistoryEntry(string FinancialYear, PricingModel Model, string Price, decimal? UnitPrice, int Year = 0, int FromPeriod = 1, bool Published = true);

/// <summary>A charging class the value-for-money panel set, and the day it applies from.</summary>
public sealed record ChargingClassEntry(ChargingClass ChargingClass, DateOnly From);

public sealed record OfferingDetail(
    OfferingSummary Summary,
    string Description,
    string ProviderDescription,
    int? ProviderCostCentreId,
    IReadOnlyList<PriceHistoryEntry> PriceHistory,
    int NoticeMonths = 0,
    DateOnly? WithdrawnFrom = null,
    IReadOnlyList<PriceHistoryEntry>? Drafts = null,
    IReadOnlyList<ChargingClassEntry>? ChargingClasses = null,
    OfferingInput? Editable = null);

public sealed record CategoryComparison(string Category, string FinancialYear, IReadOnlyList<OfferingSummary> Offerings);

public sealed record CatalogueListing(
    string FinancialYear,
    IReadOnlyList<OfferingSummary> Offerings,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Providers);
