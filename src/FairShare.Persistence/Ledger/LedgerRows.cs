using System.Runtime.CompilerServices;
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

    /// <summary>Its place in the authority's chain of journals, from 1 (<see cref="LedgerSeal"/>).</summary>
    public long Sequence { get; set; }

    /// <summary>The seal of the journal before it in the chain (<see cref="LedgerSeal.Genesis"/> for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 of its header, its postings' seals and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
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

    /// <summary>SHA-256 of what it says (<see cref="LedgerSeal.Of(PostingRow)"/>); its journal's seal covers it.</summary>
    public string Hash { get; set; } = "";
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

    /// <summary>Who ran the dry run this run was posted from (the first of two people, when the authority requires two).</summary>
    public string? PreparedBy { get; set; }

    /// <summary>The preparer's actor id, which the two-person rule compares (a name can be shared).</summary>
    public string? PreparedById { get; set; }

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

/// <summary>
/// Usage records added up per (authority, batch, period, buyer, offering) as they come, in the order each total first
/// appears. A table of our own rather than a dictionary keyed by a tuple: a generic dictionary over a value-type key
/// is compiled for that key when first used and runs unoptimised until the runtime gets round to it, which in a
/// fresh process was after most of a million-row import; this is compiled optimised at once. Each total sits in its
/// slot with its key (open addressing, linear probing), so a record costs one look into memory, not three: a large
/// council's 60,000 totals do not fit the processor's cache, and the separate arrays of keys, quantities and counts
/// made this the import's busiest method in a profile of the first import (docs/recharge.md has the figure).
/// </summary>
public sealed class UsageTotals(int yearStartMonth)
{
    private Total[] _table = new Total[64];
    private int _shift = 64 - 6; // the hash's top bits pick the slot: 64 - log2(table size)
    private int[] _order = new int[32]; // the slot of each total, in the order the totals first appeared
    private int _count;

    // The month of the last record, whose period the next record most likely shares.
    private int _monthStart;
    private int _monthDays;
    private int _yearStart;
    private int _period;

    private struct Total
    {
        public int AuthorityId;
        public int ImportBatchId;
        public int FinancialYearStart;
        public int PeriodNumber;
        public int BuyerCostCentreId;
        public int OfferingId;
        public int Records; // 0 marks an empty slot
        public decimal Quantity;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(RecordedUsage u)
    {
        if ((uint)(u.Date.DayNumber - _monthStart) >= (uint)_monthDays)
        {
            EnterMonthOf(u.Date);
        }
        var slot = Slot(u.AuthorityId, u.ImportBatchId, _yearStart, _period, u.BuyerCostCentreId, u.OfferingId);
        while (true)
        {
            ref var total = ref _table[slot];
            if (total.Records == 0)
            {
                if ((_count + 1) * 2 > _table.Length)
                {
                    Grow();
                    slot = Slot(u.AuthorityId, u.ImportBatchId, _yearStart, _period, u.BuyerCostCentreId, u.OfferingId);
                    continue;
                }
                total = new Total
                {
                    AuthorityId = u.AuthorityId,
                    ImportBatchId = u.ImportBatchId,
                    FinancialYearStart = _yearStart,
                    PeriodNumber = _period,
                    BuyerCostCentreId = u.BuyerCostCentreId,
                    OfferingId = u.OfferingId,
                    Records = 1,
                    Quantity = u.Quantity,
                };
                Remember(slot);
                return;
            }
            if (total.BuyerCostCentreId == u.BuyerCostCentreId && total.OfferingId == u.OfferingId && total.PeriodNumber == _period
                && total.FinancialYearStart == _yearStart && total.ImportBatchId == u.ImportBatchId && total.AuthorityId == u.AuthorityId)
            {
                total.Quantity += u.Quantity;
                total.Records++;
                return;
            }
            slot = (slot + 1) & (_table.Length - 1);
        }
    }

    public List<UsageSummaryRow> Rows()
    {
        var rows = new List<UsageSummaryRow>(_count);
        foreach (var slot in _order.AsSpan(0, _count))
        {
            ref readonly var total = ref _table[slot];
            rows.Add(new UsageSummaryRow
            {
                AuthorityId = total.AuthorityId,
                ImportBatchId = total.ImportBatchId,
                FinancialYearStart = total.FinancialYearStart,
                PeriodNumber = total.PeriodNumber,
                BuyerCostCentreId = total.BuyerCostCentreId,
                OfferingId = total.OfferingId,
                Quantity = total.Quantity,
                Records = total.Records,
            });
        }
        return rows;
    }

    private void EnterMonthOf(DateOnly date)
    {
        var period = AccountingPeriod.Containing(date, yearStartMonth);
        var first = new DateOnly(date.Year, date.Month, 1);
        _monthStart = first.DayNumber;
        _monthDays = DateTime.DaysInMonth(date.Year, date.Month);
        _yearStart = period.Year.StartYear;
        _period = period.Number;
    }

    /// <summary>Where a key's search starts: its fields mixed into 64 bits (Fibonacci hashing), of which the top bits pick the slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(int authorityId, int batchId, int yearStart, int period, int buyer, int offering)
    {
        var key = ((ulong)(uint)buyer << 32) | (uint)offering;
        key ^= (((ulong)(uint)authorityId << 40) | ((ulong)(uint)batchId << 20) | ((ulong)(uint)yearStart << 4) | (uint)period) * 0xC2B2AE3D27D4EB4FUL;
        return (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
    }

    private void Remember(int slot)
    {
        if (_count == _order.Length)
        {
            Array.Resize(ref _order, _order.Length * 2);
        }
        _order[_count++] = slot;
    }

    /// <summary>Doubles the table and puts every total back, keeping the order they first appeared in.</summary>
    private void Grow()
    {
        var old = _table;
        _table = new Total[old.Length * 2];
        _shift--;
        var mask = _table.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var total = ref old[_order[i]];
            var slot = Slot(total.AuthorityId, total.ImportBatchId, total.FinancialYearStart, total.PeriodNumber, total.BuyerCostCentreId, total.OfferingId);
            while (_table[slot].Records != 0)
            {
                slot = (slot + 1) & mask;
            }
            _table[slot] = total;
            _order[i] = slot;
        }
    }
}

/// <summary>
/// A dry run someone prepared, recorded while the authority requires two people (and only then): who, when, and a
/// digest of its figures, so that someone else can post exactly what was prepared. Appended, never changed.
/// </summary>
public sealed class RechargeDryRunRow : ITenantOwned
{
    public long Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int FinancialYearStart { get; set; }
    public int PeriodNumber { get; set; }
    public string Method { get; set; } = "";
    public string PreparedById { get; set; } = "";
    public string PreparedBy { get; set; } = "";
    public DateTimeOffset PreparedAt { get; set; }

    /// <summary>SHA-256 of the run summary's JSON: what the dry run showed.</summary>
    public string Figures { get; set; } = "";
}
