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

/// <summary>
/// Usage records added up per (authority, batch, period, buyer, offering) as they come, in the order each total first
/// appears. A table of our own rather than a dictionary keyed by a tuple: a generic dictionary over a value-type key
/// is compiled for that key when first used and runs unoptimised until the runtime gets round to it, which in a
/// fresh process was after most of a million-row import; this is compiled optimised at once.
/// </summary>
public sealed class UsageTotals(int yearStartMonth)
{
    private const int KeyWidth = 6;
    private int[] _keys = new int[KeyWidth * 16];
    private decimal[] _quantities = new decimal[16];
    private int[] _records = new int[16];
    private int[] _slots = new int[32]; // entry index + 1, or 0 for an empty slot; linear probing
    private int _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(RecordedUsage u)
    {
        var period = AccountingPeriod.Containing(u.Date, yearStartMonth);
        ReadOnlySpan<int> key = [u.AuthorityId, u.ImportBatchId, period.Year.StartYear, period.Number, u.BuyerCostCentreId, u.OfferingId];
        var mask = _slots.Length - 1;
        var slot = Hash(key) & mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                entry = Append(key, slot);
                _quantities[entry] = u.Quantity;
                _records[entry] = 1;
                return;
            }
            if (_keys.AsSpan(entry * KeyWidth, KeyWidth).SequenceEqual(key))
            {
                _quantities[entry] += u.Quantity;
                _records[entry]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    public List<UsageSummaryRow> Rows()
    {
        var rows = new List<UsageSummaryRow>(_count);
        for (var entry = 0; entry < _count; entry++)
        {
            var key = _keys.AsSpan(entry * KeyWidth, KeyWidth);
            rows.Add(new UsageSummaryRow
            {
                AuthorityId = key[0],
                ImportBatchId = key[1],
                FinancialYearStart = key[2],
                PeriodNumber = key[3],
                BuyerCostCentreId = key[4],
                OfferingId = key[5],
                Quantity = _quantities[entry],
                Records = _records[entry],
            });
        }
        return rows;
    }

    private static int Hash(ReadOnlySpan<int> key)
    {
        var hash = 17u;
        foreach (var part in key)
        {
            hash = (hash ^ (uint)part) * 0x9E3779B1u;
        }
        return (int)(hash ^ (hash >> 15));
    }

    /// <summary>Adds an entry for the key in the empty slot, growing the table first if it would be over half full.</summary>
    private int Append(ReadOnlySpan<int> key, int slot)
    {
        if (_count == _quantities.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _quantities, _quantities.Length * 2);
            Array.Resize(ref _records, _records.Length * 2);
        }
        var entry = _count++;
        key.CopyTo(_keys.AsSpan(entry * KeyWidth, KeyWidth));
        if (_count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }
        else
        {
            _slots[slot] = entry + 1;
        }
        return entry;
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        var mask = size - 1;
        for (var entry = 0; entry < _count; entry++)
        {
            var slot = Hash(_keys.AsSpan(entry * KeyWidth, KeyWidth)) & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            _slots[slot] = entry + 1;
        }
    }
}
