using FairShare.Domain;

namespace FairShare.Persistence.Ledger;

/// <summary>What a journal batch carries to the general ledger: a run's journals, or the reversal of a run.</summary>
public enum JournalBatchKind
{
    Run,
    Reversal,
}

/// <summary>
/// A numbered batch of journals for the general ledger, with its control totals: every run's journals make one
/// when the run is posted, and every reversal one more (the ledger needs the reversing journals too). Batches are
/// inserted, never changed; that a batch was loaded into the ledger is an appended <see cref="JournalBatchEventRow"/>.
/// </summary>
public sealed class JournalBatchRow : ITenantOwned
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int RechargeRunId { get; set; }
    public JournalBatchKind Kind { get; set; }
    public int FinancialYearStart { get; set; }
    public int PeriodNumber { get; set; }
    public int Lines { get; set; }
    public long DebitsPence { get; set; }
    public long CreditsPence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>
    /// The seal of the authority's journal chain after this batch's journals (<see cref="LedgerSeal"/>): exported
    /// with the batch, so that a ledger rewritten and resealed after it no longer leads to the head the ledger was given.
    /// </summary>
    public string ChainHead { get; set; } = "";
}

/// <summary>Something that happened to a batch, appended and never changed: it was sent to the ledger (at most once, by a unique index).</summary>
public sealed class JournalBatchEventRow : ITenantOwned
{
    public const string Sent = "sent";

    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;
    public int JournalBatchId { get; set; }
    public string Kind { get; set; } = "";
    public string? LedgerReference { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}
