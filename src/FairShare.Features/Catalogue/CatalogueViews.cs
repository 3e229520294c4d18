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

/// <summary>
/// A category side by side. <paramref name="Contracts"/>: for each external supplier's offering (by id), the contract
/// its rate comes from. <paramref name="Expired"/>: offerings of suppliers whose contract has ended, shown apart, never as an alternative.
/// </summary>
public sealed record CategoryComparison(string Category, string FinancialYear, IReadOnlyList<OfferingSummary> Offerings,
    IReadOnlyList<SupplierContractNote>? Contracts = null, IReadOnlyList<OfferingSummary>? Expired = null);

/// <summary>The contract behind an external supplier's rate: "CCS RM6187 Lot 3, contract ends 31 March 2028".</summary>
public sealed record SupplierContractNote(int OfferingId, string Supplier, string ContractReference, DateOnly? ContractEnd, bool Ended)
{
    public string Describe() =>
        (ContractReference.Length > 0 ? ContractReference + ", " : "") + (ContractEnd is { } end
            ? $"contract {(Ended ? "ended" : "ends")} {end.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}"
            : "no contract end date");
}

public sealed record CatalogueListing(
    string FinancialYear,
    IReadOnlyList<OfferingSummary> Offerings,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Providers);
