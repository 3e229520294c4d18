namespace FairShare.Domain.Ledger;

/// <summary>
/// Whether one authority's accounting period is open or closed. A closed period never changes again:
/// <see cref="JournalTransaction.Create"/> refuses postings to it, and corrections go into an open period as
/// reversing entries. A period closes only once its recharge run is posted, so that no month is closed with
/// support costs still sitting where they arose. Immutable: closing gives a new state.
/// </summary>
public sealed record PeriodState
{
    private PeriodState(int authorityId, AccountingPeriod period, bool isClosed)
    {
        AuthorityId = authorityId;
        Period = period;
        IsClosed = isClosed;
    }

    public int AuthorityId { get; }
    public AccountingPeriod Period { get; }
    public bool IsClosed { get; }
    public bool IsOpen => !IsClosed;

    public static PeriodState Open(int authorityId, AccountingPeriod period) => new(authorityId, period, false);

    /// <summary>A period already recorded as closed (as loaded from storage).</summary>
    public static PeriodState Closed(int authorityId, AccountingPeriod period) => new(authorityId, period, true);

    /// <summary>Closes the period, or says why not: it is closed already, or its recharge run has not been posted.</summary>
    public Result<PeriodState> Close(bool recharged)
    {
        if (IsClosed)
        {
            return Result<PeriodState>.Failure("period", $"{Period} is already closed.");
        }
        if (!recharged)
        {
            return Result<PeriodState>.Failure("period",
                $"{Period} cannot be closed: its recharge run has not been posted. Post the run first, then close the period.");
        }
        return Result<PeriodState>.Success(new PeriodState(AuthorityId, Period, true));
    }

    public override string ToString() => $"{Period}: {(IsClosed ? "closed" : "open")}";
}
