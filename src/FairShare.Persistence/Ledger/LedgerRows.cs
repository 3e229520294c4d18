using System.Runtime.InteropServices;
using FairShare.Domain;
using FairShare.Domain.Recording;

namespace FairShare.Persistence.Ledger;

/// <summary>A posted journal transaction as stored. Rows are inserted, never updated: corrections are reversing transactions.</summary>
public sealed class JournalEntryRow : ITenantOwned
{
    public long Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int FinancialYearStart { get; set; }
    public int PeriodNumber { get; set; }
    public string SourceKind { get; set; } = "";
    public string SourceReference { get; set; } = "";
    public string Description { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int? RechargeRunId { get; set; }
    public long? ReversesId { get; set; }
    public List<PostingRow> Postings { get; set; } = [];
}

/// <summary>One line of a journal transaction: pence to a (cost centre, account), debit positive.</summary>
public sealed class PostingRow : ITenantOwned
{
    public long Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public long JournalEntryId { get; set; }
    public int CostCentreId { get; set; }
    public string AccountCode { get; set; } = "";
    public long AmountPence { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>Whether a period is closed. No row means open.</summary>
public sealed class PeriodStatusRow : ITenantOwned
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int FinancialYearStart { get; set; }
    public int PeriodNumber { get; set; }
    public bool Closed { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}

public enum RechargeRunStatus
{
    Posted,
    Reversed,
}

/// <summary>
/// A monthly recharge run. At most one run per authority and period is Posted at a time, and the database
/// guarantees it (a unique index filtered on Status = 'Posted'), so two runs started at once cannot both post.
/// </summary>
public sealed class RechargeRunRow : ITenantOwned
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int FinancialYearStart { get; set; }
    public int PeriodNumber { get; set; }
    public RechargeRunStatus Status { get; set; }
    public string Method { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
    public string PostedBy { get; set; } = "";
    public DateTimeOffset? ReversedAt { get; set; }
    public string? ReversedBy { get; set; }

    /// <summary>Totals and over- or under-recovery per provider, as JSON, for the run's report.</summary>
    public string Summary { get; set; } = "";
}

/// <summary>One line of a run, as a statement shows it: a charge or an allocated cost, with where it came from.</summary>
public sealed class RechargeLineRow : ITenantOwned
{
    public long Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int RechargeRunId { get; set; }
    public int BuyerCostCentreId { get; set; }
    public int ProviderCostCentreId { get; set; }
    public int? OfferingId { get; set; }
    public string Mechanism { get; set; } = "";
    public long AmountPence { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public string Explanation { get; set; } = "";

    /// <summary>The usage record ids or driver behind a charge (comma-separated), or the path an allocated cost took.</summary>
    public string Detail { get; set; } = "";
}

/// <summary>
/// One import's usage totalled per (period, buyer, offering), written with the records in the same transaction,
/// so that a run reads thousands of totals instead of millions of records (and the year to date without
/// reading the year's records). Append-only: a period's total is the sum over its imports' rows.
/// </summary>
public sealed class UsageSummaryRow : ITenantOwned
{
    public long Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int ImportBatchId { get; set; }
    public int FinancialYearStart { get; set; }
    public int PeriodNumber { get; set; }
    public int BuyerCostCentreId { get; set; }
    public int OfferingId { get; set; }
    public decimal Quantity { get; set; }
    public int Records { get; set; }

    /// <summary>The totals of some records, one row per (batch, period, buyer, offering).</summary>
    public static List<UsageSummaryRow> Of(IEnumerable<RecordedUsage> usage, int yearStartMonth)
    {
        var totals = new UsageTotals(yearStartMonth);
        foreach (var u in usage)
        {
            totals.Add(u);
        }
        return totals.Rows();
    }
}

/// <summary>Usage records added up per (authority, batch, period, buyer, offering) as they come.</summary>
public sealed class UsageTotals(int yearStartMonth)
{
    private readonly Dictionary<(int Authority, int Batch, int Year, int Period, int Buyer, int Offering), (decimal Quantity, int Records)> _totals = [];

    public void Add(RecordedUsage u)
    {
        var period = AccountingPeriod.Containing(u.Date, yearStartMonth);
        var key = (u.AuthorityId, u.ImportBatchId, period.Year.StartYear, period.Number, u.BuyerCostCentreId, u.OfferingId);
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_totals, key, out _);
        total = (total.Quantity + u.Quantity, total.Records + 1);
    }

    public List<UsageSummaryRow> Rows() => [.. _totals.Select(t => new UsageSummaryRow
    {
        AuthorityId = t.Key.Authority,
        ImportBatchId = t.Key.Batch,
        FinancialYearStart = t.Key.Year,
        PeriodNumber = t.Key.Period,
        BuyerCostCentreId = t.Key.Buyer,
        OfferingId = t.Key.Offering,
        Quantity = t.Value.Quantity,
        Records = t.Value.Records,
    })];
}
