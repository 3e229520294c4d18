namespace FairShare.Domain.Ledger;

/// <summary>How a charge was worked out; statements group and explain charges by it.</summary>
public enum ChargeMechanism
{
    /// <summary>Usage or time records × the pay-as-you-go rate in force on their date.</summary>
    PayAsYouGo,

    /// <summary>This period's instalment of a subscription's annual fee.</summary>
    SubscriptionFee,

    /// <summary>Use beyond a subscription's included quantity, charged as it happens.</summary>
    SubscriptionOverage,

    /// <summary>This period's twelfth of a fixed fee plus a rate per unit of a driver.</summary>
    FixedFeePlusDriver,

    /// <summary>A cost that belongs to one buyer, passed on as it is.</summary>
    DirectAttribution,

    /// <summary>A provider's cost spread over buyers in proportion to a driver.</summary>
    Apportionment,
}

/// <summary>
/// Where a charge came from, for the buyer's statement: a sentence, and the figures behind it. Quantity and
/// unit price are those the charge was computed from (null where the mechanism has none); record ids are the
/// usage or time records it covers, so that every pound can be traced to the work that was done.
/// </summary>
public sealed record ChargeSource(string Explanation, decimal? Quantity, decimal? UnitPrice, IReadOnlyList<string> RecordIds)
{
    public ChargeSource(string explanation)
        : this(explanation, null, null, [])
    {
    }
}

/// <summary>
/// A priced charge for one period: the buyer cost centre pays the provider cost centre <see cref="Amount"/>
/// (always positive, whole pence; a mechanism that works out to nothing makes no charge). Whatever the
/// mechanism, it becomes two postings: the buyer debited on 6000 (support services bought) and the provider
/// credited on 9000 (internal recharge income).
/// </summary>
public sealed record Charge
{
    public Charge(int buyerCostCentreId, int providerCostCentreId, int? offeringId, Money amount, ChargeMechanism mechanism, ChargeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Pence, nameof(amount));
        if (!Enum.IsDefined(mechanism))
        {
            throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "Unknown charge mechanism.");
        }
        BuyerCostCentreId = buyerCostCentreId;
        ProviderCostCentreId = providerCostCentreId;
        OfferingId = offeringId;
        Amount = amount;
        Mechanism = mechanism;
        Source = source;
    }

    public int BuyerCostCentreId { get; }
    public int ProviderCostCentreId { get; }
    public int? OfferingId { get; }
    public Money Amount { get; }
    public ChargeMechanism Mechanism { get; }
    public ChargeSource Source { get; }

    /// <summary>The charge's two postings: buyer debited on support services bought, provider credited on internal recharge income.</summary>
    public IReadOnlyList<Posting> Postings() =>
    [
        Posting.Debit(BuyerCostCentreId, ChartOfAccounts.SupportServicesBought, Amount),
        Posting.Credit(ProviderCostCentreId, ChartOfAccounts.InternalRechargeIncome, Amount),
    ];
}

/// <summary>An offering as the charge calculator needs it: who provides it and how it is named on a statement.</summary>
public sealed record ChargeableOffering(int OfferingId, int ProviderCostCentreId, string Name, string Unit);

/// <summary>One usage or time record: a quantity (or hours) of an offering used by a buyer on a date.</summary>
public sealed record UsageRecord(
    string RecordId,
    int BuyerCostCentreId,
    int OfferingId,
    decimal Quantity,
    DateOnly Date,
    string? JobReference,
    string RecordedBy);

/// <summary>A buyer's usage of an offering in a period, totalled: the sum of the records' quantities and how many there were.</summary>
public sealed record UsageTotal(int BuyerCostCentreId, int OfferingId, decimal Quantity, int Records);

/// <summary>
/// A buyer's subscription to an offering for the year: <see cref="Packages"/> packages on <see cref="Terms"/>,
/// with the buyer's use of the offering in the year before this period and in this period (for overage).
/// </summary>
public sealed record SubscriptionLine(
    int BuyerCostCentreId,
    int OfferingId,
    decimal Packages,
    Subscription Terms,
    decimal UsageBeforePeriod,
    decimal UsageInPeriod);

/// <summary>A buyer on a fixed-fee-plus-driver offering, with its driver value for this period (pupils, devices, m²…).</summary>
public sealed record DriverChargeLine(int BuyerCostCentreId, int OfferingId, FixedFeePlusDriver Terms, decimal DriverValue);

/// <summary>A cost of the provider's that belongs to one buyer (a tribunal's counsel fees for one service).</summary>
public sealed record DirectAttribution(int ProviderCostCentreId, int BuyerCostCentreId, Money Amount, string Description);

/// <summary>A provider's cost to be spread over buyers in proportion to a driver (headcount, floor area…).</summary>
public sealed record Apportionment(
    int ProviderCostCentreId,
    Money Amount,
    string Description,
    string Driver,
    IReadOnlyDictionary<int, decimal> DriverValues);
