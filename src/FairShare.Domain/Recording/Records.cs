namespace FairShare.Domain.Recording;

public enum ImportKind
{
    /// <summary>Usage and time records: who used which offering, how much, when.</summary>
    Usage,

    /// <summary>Driver values per cost centre and period: headcount, pupils, devices, m².</summary>
    Drivers,

    /// <summary>Actual expenditure per cost centre, subjective account and period, from the general ledger.</summary>
    Costs,

    /// <summary>Costs of a provider's that belong to one buyer (counsel's fees for one service's tribunal).</summary>
    Attributions,

    /// <summary>Costs of a provider's to be spread over buyers by a driver (insurance by m², a licence by devices).</summary>
    Apportionments,
}

/// <summary>
/// One file imported, all or nothing. Its content hash is unique per authority and kind among the imports not
/// withdrawn, so the same file imported twice is refused rather than doubled. A withdrawn import keeps its row (who
/// withdrew it, when and why); only the records it wrote are removed, so the same file can be imported again.
/// </summary>
public sealed class ImportBatch : ITenantOwned
{
    private ImportBatch() { }

    public ImportBatch(int authorityId, ImportKind kind, string fileName, string contentHash, int rows, decimal total, string importedBy, DateTimeOffset at)
    {
        AuthorityId = authorityId;
        Kind = kind;
        FileName = fileName;
        ContentHash = contentHash;
        Rows = rows;
        Total = total;
        ImportedBy = importedBy;
        At = at;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public int Rows { get; private set; }

    /// <summary>The control total: the sum of quantities (usage), values (drivers) or amounts in pounds (costs).</summary>
    public decimal Total { get; private set; }
    public string ImportedBy { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>The longest reason a withdrawal may give, in characters (checked on every door before anything is written).</summary>
    public const int MaxWithdrawalReason = 500;

    /// <summary>When its records were withdrawn; null while they stand. Set once, by a conditional update that only one withdrawal can win.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>The periods its records were in when they were withdrawn (YYYY-MM, comma-separated), so the import can still be listed by period.</summary>
    public string? WithdrawnPeriods { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Records how many rows the file held and their control total, once they are all written.</summary>
    public void Complete(int rows, decimal total)
    {
        Rows = rows;
        Total = total;
    }
}

/// <summary>A usage or time record: a buyer used an offering on a date, for a job, recorded by someone.</summary>
public sealed class RecordedUsage : ITenantOwned
{
    private RecordedUsage() { }

    public RecordedUsage(int authorityId, int batchId, string recordId, DateOnly date, int buyerCostCentreId, int offeringId,
        decimal quantity, string jobReference, string recordedBy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        AuthorityId = authorityId;
        ImportBatchId = batchId;
        RecordId = recordId;
        Date = date;
        BuyerCostCentreId = buyerCostCentreId;
        OfferingId = offeringId;
        Quantity = quantity;
        JobReference = jobReference;
        RecordedBy = recordedBy;
    }

    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int ImportBatchId { get; private set; }

    /// <summary>The record's id in the system it came from; with the authority, the record's key, so nothing is counted twice.</summary>
    public string RecordId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public int BuyerCostCentreId { get; private set; }
    public int OfferingId { get; private set; }
    public decimal Quantity { get; private set; }
    public string JobReference { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
}

/// <summary>A driver's value for one cost centre in one period (pupils, FTE, devices, m²…).</summary>
public sealed class DriverValue : ITenantOwned
{
    private DriverValue() { }

    public DriverValue(int authorityId, int batchId, AccountingPeriod period, int costCentreId, string driver, decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        AuthorityId = authorityId;
        ImportBatchId = batchId;
        FinancialYearStart = period.Year.StartYear;
        PeriodNumber = period.Number;
        CostCentreId = costCentreId;
        Driver = driver;
        Value = value;
    }

    public long Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int ImportBatchId { get; private set; }
    public int FinancialYearStart { get; private set; }
    public int PeriodNumber { get; private set; }
    public int CostCentreId { get; private set; }
    public string Driver { get; private set; } = "";
    public decimal Value { get; private set; }
}

/// <summary>Actual expenditure (or income, negative) on one subjective account of one cost centre in one period.</summary>
public sealed class CostActual : ITenantOwned
{
    private CostActual() { }

    public CostActual(int authorityId, int batchId, AccountingPeriod period, int costCentreId, string account, Money amount)
    {
        AuthorityId = authorityId;
        ImportBatchId = batchId;
        FinancialYearStart = period.Year.StartYear;
        PeriodNumber = period.Number;
        CostCentreId = costCentreId;
        Account = account;
        Amount = amount;
    }

    public long Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int ImportBatchId { get; private set; }
    public int FinancialYearStart { get; private set; }
    public int PeriodNumber { get; private set; }
    public int CostCentreId { get; private set; }
    public string Account { get; private set; } = "";
    public Money Amount { get; private set; }
}

/// <summary>
/// A buyer's standing order of an offering for a financial year: so many packages of a subscription, or a
/// fixed-fee-plus-driver service. The buying round will create these; the monthly run charges them.
/// </summary>
public sealed class ServiceOrder : ITenantOwned
{
    private ServiceOrder() { }

    public ServiceOrder(int authorityId, int financialYearStart, int buyerCostCentreId, int offeringId, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        AuthorityId = authorityId;
        FinancialYearStart = financialYearStart;
        BuyerCostCentreId = buyerCostCentreId;
        OfferingId = offeringId;
        Quantity = quantity;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int FinancialYearStart { get; private set; }
    public int BuyerCostCentreId { get; private set; }
    public int OfferingId { get; private set; }

    /// <summary>Packages of a subscription (usually 1); 1 for a fixed-fee-plus-driver service.</summary>
    public decimal Quantity { get; private set; }
}

/// <summary>
/// A cost a provider passes on as a priced charge in one period: to one buyer (a direct attribution) or over
/// every cost centre with a value of a driver in that period (an apportionment). Exactly one of
/// <see cref="BuyerCostCentreId"/> and <see cref="Driver"/> is set.
/// </summary>
public sealed class ProviderCost : ITenantOwned
{
    private ProviderCost() { }

    public ProviderCost(int authorityId, int batchId, AccountingPeriod period, int providerCostCentreId, int? buyerCostCentreId, string? driver, Money amount, string description)
    {
        if (buyerCostCentreId is null == string.IsNullOrWhiteSpace(driver))
        {
            throw new ArgumentException("A provider cost goes to one buyer or is apportioned by a driver, not both or neither.", nameof(driver));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Pence, nameof(amount));
        AuthorityId = authorityId;
        ImportBatchId = batchId;
        FinancialYearStart = period.Year.StartYear;
        PeriodNumber = period.Number;
        ProviderCostCentreId = providerCostCentreId;
        BuyerCostCentreId = buyerCostCentreId;
        Driver = buyerCostCentreId is null ? driver : null;
        Amount = amount;
        Description = description;
    }

    public long Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int ImportBatchId { get; private set; }
    public int FinancialYearStart { get; private set; }
    public int PeriodNumber { get; private set; }
    public int ProviderCostCentreId { get; private set; }
    public int? BuyerCostCentreId { get; private set; }
    public string? Driver { get; private set; }
    public Money Amount { get; private set; }
    public string Description { get; private set; } = "";
}
