using FairShare.Domain.Workflow;

namespace FairShare.Domain.Ledger;

/// <summary>Where an accounting period is in its month end.</summary>
public enum PeriodStatus
{
    /// <summary>Takes imports; its recharge has not been posted (or was reversed).</summary>
    Open,

    /// <summary>Its recharge run is posted: it takes no more imports until the run is reversed.</summary>
    RunPosted,

    /// <summary>Closed for good: nothing is posted or imported into it again; corrections go into an open period.</summary>
    Closed,
}

/// <summary>What a finance officer (or an import) asks of a period.</summary>
public enum PeriodTrigger
{
    Import,
    PostRun,
    ReverseRun,
    Close,

    /// <summary>Take back what one import wrote into the period (a bad file): allowed only while nothing has been posted from it.</summary>
    WithdrawImport,
}

/// <summary>Whether closing a period while an earlier one is still open is refused or only warned about.</summary>
public enum OutOfOrderClosePolicy
{
    Warn,
    Refuse,
}

/// <summary>
/// The facts the period's guards read, loaded by the use case: the status of the period before it (null for
/// the first month of the year) and the authority's policy on closing out of order.
/// </summary>
public sealed record PeriodFacts(PeriodStatus? PreviousStatus, OutOfOrderClosePolicy OutOfOrderClose = OutOfOrderClosePolicy.Warn);

/// <summary>
/// One authority's accounting period and where it is in the month end, moved only by <see cref="Workflow"/>:
/// open → run posted → (reversed → open) → closed. An import can be withdrawn only while its period is open. A closed period never changes again:
/// <see cref="JournalTransaction.Create"/> refuses postings to it. A month closes only once its recharge run is
/// posted, so no month is closed with support costs still sitting where they arose. Period 13 (year-end
/// adjustments) has no recharge run and takes no imports; it closes once the year's last month has closed.
/// Immutable: every transition gives a new state.
/// </summary>
public sealed record PeriodState
{
    private PeriodState(int authorityId, AccountingPeriod period, PeriodStatus status)
    {
        AuthorityId = authorityId;
        Period = period;
        Status = status;
    }

    public int AuthorityId { get; }
    public AccountingPeriod Period { get; }
    public PeriodStatus Status { get; }
    public bool IsClosed => Status == PeriodStatus.Closed;
    public bool IsOpen => !IsClosed;

    /// <summary>The accounting period's workflow, one row per (status, trigger); the context is the period itself and its facts.</summary>
    public static StateTable<PeriodStatus, PeriodTrigger, (PeriodState Period, PeriodFacts Facts)> Workflow { get; } = BuildWorkflow();

    public static PeriodState Open(int authorityId, AccountingPeriod period) => new(authorityId, period, PeriodStatus.Open);

    /// <summary>A period already recorded as closed (as loaded from storage).</summary>
    public static PeriodState Closed(int authorityId, AccountingPeriod period) => new(authorityId, period, PeriodStatus.Closed);

    /// <summary>A period as loaded from storage, in the status its records show.</summary>
    public static PeriodState Load(int authorityId, AccountingPeriod period, PeriodStatus status) =>
        Enum.IsDefined(status) ? new(authorityId, period, status) : throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown period status.");

    /// <summary>The period after <paramref name="trigger"/>, with any warning its guard gave, or why it cannot happen.</summary>
    public Result<(PeriodState State, string? Warning)> Apply(PeriodTrigger trigger, PeriodFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var fired = Workflow.Fire(Status, trigger, (this, facts), "period");
        return fired.IsSuccess
            ? Result<(PeriodState, string?)>.Success((new PeriodState(AuthorityId, Period, fired.Value.To), fired.Value.Warning))
            : Result<(PeriodState, string?)>.Failure(fired.Errors);
    }

    /// <summary>Closes the period, or says why not (kept for callers that know only whether the run is posted).</summary>
    public Result<PeriodState> Close(bool recharged)
    {
        var from = IsClosed ? this : new PeriodState(AuthorityId, Period, recharged ? PeriodStatus.RunPosted : PeriodStatus.Open);
        var closed = from.Apply(PeriodTrigger.Close, new PeriodFacts(null));
        return closed.IsSuccess ? Result<PeriodState>.Success(closed.Value.State) : Result<PeriodState>.Failure(closed.Errors);
    }

    public override string ToString() => $"{Period}: {Words(Status)}";

    public static string Words(PeriodStatus status) => status switch
    {
        PeriodStatus.Open => "open",
        PeriodStatus.RunPosted => "run posted",
        PeriodStatus.Closed => "closed",
        _ => status.ToString(),
    };

    private static string Words(PeriodTrigger trigger) => trigger switch
    {
        PeriodTrigger.Import => "import into the period",
        PeriodTrigger.PostRun => "post the recharge run",
        PeriodTrigger.ReverseRun => "reverse the recharge run",
        PeriodTrigger.Close => "close the period",
        PeriodTrigger.WithdrawImport => "withdraw an import from the period",
        _ => trigger.ToString(),
    };

    private static StateTable<PeriodStatus, PeriodTrigger, (PeriodState Period, PeriodFacts Facts)> BuildWorkflow()
    {
        static string Name((PeriodState Period, PeriodFacts) c) => c.Period.Period.Month;
        return new StateTable<PeriodStatus, PeriodTrigger, (PeriodState Period, PeriodFacts Facts)>("the period", Words, Words)
            .Allow(PeriodStatus.Open, PeriodTrigger.Import, PeriodStatus.Open, c => c.Period.Period.IsAdjustment
                ? GuardVerdict.Refuse($"{Name(c)} is the year-end adjustment period: it takes year-end journals, not imports. Import into the month the records belong to.")
                : GuardVerdict.Pass)
            .Allow(PeriodStatus.Open, PeriodTrigger.PostRun, PeriodStatus.RunPosted, c => c.Period.Period.IsAdjustment
                ? GuardVerdict.Refuse($"{Name(c)} is the year-end adjustment period: it has no recharge run.")
                : GuardVerdict.Pass)
            .Allow(PeriodStatus.Open, PeriodTrigger.WithdrawImport, PeriodStatus.Open)
            .Refuse(PeriodStatus.Open, PeriodTrigger.ReverseRun, c => $"{Name(c)} has no posted run to reverse.")
            .Allow(PeriodStatus.Open, PeriodTrigger.Close, PeriodStatus.Closed, c => c.Period.Period.IsAdjustment
                ? (c.Facts.PreviousStatus == PeriodStatus.Closed
                    ? GuardVerdict.Pass
                    : GuardVerdict.Refuse($"{Name(c)} closes once the year's last month, {c.Period.Period.Previous!.Value.Month}, is closed."))
                : GuardVerdict.Refuse($"{Name(c)} cannot be closed: its recharge run has not been posted. Post the run first, then close the period."))
            .Refuse(PeriodStatus.RunPosted, PeriodTrigger.Import, c => $"{Name(c)} is posted; it takes no more records until its run is reversed.")
            .Refuse(PeriodStatus.RunPosted, PeriodTrigger.PostRun, c => $"{Name(c)} is already posted; reverse its run first to run it again.")
            .Refuse(PeriodStatus.RunPosted, PeriodTrigger.WithdrawImport, c => $"{Name(c)} is posted: its run priced these records. Reverse the run first, then withdraw the import.")
            .Allow(PeriodStatus.RunPosted, PeriodTrigger.ReverseRun, PeriodStatus.Open)
            .Allow(PeriodStatus.RunPosted, PeriodTrigger.Close, PeriodStatus.Closed, OutOfOrder)
            .Refuse(PeriodStatus.Closed, PeriodTrigger.Import, c => $"{Name(c)} is closed; it takes no more records. Import corrections into an open period.")
            .Refuse(PeriodStatus.Closed, PeriodTrigger.PostRun, c => $"{Name(c)} is closed; nothing can be posted into it.")
            .Refuse(PeriodStatus.Closed, PeriodTrigger.ReverseRun, c => $"{Name(c)} is closed; its run stays as posted. Correct it in an open period.")
            .Refuse(PeriodStatus.Closed, PeriodTrigger.Close, c => $"{Name(c)} is already closed.")
            .Refuse(PeriodStatus.Closed, PeriodTrigger.WithdrawImport, c => $"{Name(c)} is closed; its records stay as they are. Import a correction into an open period.");
    }

    private static GuardVerdict OutOfOrder((PeriodState Period, PeriodFacts Facts) c)
    {
        if (c.Facts.PreviousStatus is null or PeriodStatus.Closed)
        {
            return GuardVerdict.Pass;
        }
        var previous = c.Period.Period.Previous!.Value.Month;
        return c.Facts.OutOfOrderClose == OutOfOrderClosePolicy.Refuse
            ? GuardVerdict.Refuse($"{c.Period.Period.Month} cannot be closed before {previous}, which is still {Words(c.Facts.PreviousStatus.Value)}: this authority closes periods in order.")
            : GuardVerdict.Warn($"{previous} is still {Words(c.Facts.PreviousStatus.Value)}: {c.Period.Period.Month} was closed before it.");
    }
}
