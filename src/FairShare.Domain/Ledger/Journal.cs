using System.Collections.ObjectModel;
using FairShare.Domain.Text;

namespace FairShare.Domain.Ledger;

/// <summary>
/// One line of a journal transaction: an amount on a cost centre's account. Debits are positive and credits
/// negative, so a transaction balances when its postings sum to zero and a cost centre's net cost is the sum
/// of its postings.
/// </summary>
public sealed record Posting
{
    public Posting(int costCentreId, string accountCode, Money amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountCode);
        CostCentreId = costCentreId;
        AccountCode = accountCode.Trim();
        Amount = amount;
    }

    public int CostCentreId { get; }
    public string AccountCode { get; }
    public Money Amount { get; }

    public bool IsDebit => Amount.Pence > 0;
    public bool IsCredit => Amount.Pence < 0;

    /// <summary>The same line with the opposite sign.</summary>
    public Posting Negated() => new(CostCentreId, AccountCode, -Amount);

    public static Posting Debit(int costCentreId, Account account, Money amount) =>
        new(costCentreId, account.Code, amount);

    public static Posting Credit(int costCentreId, Account account, Money amount) =>
        new(costCentreId, account.Code, -amount);

    public override string ToString() => $"cost centre {CostCentreId} {AccountCode} {(IsCredit ? "CR" : "DR")} {(IsCredit ? -Amount : Amount)}";
}

public enum JournalSourceKind
{
    /// <summary>Posted by a recharge run.</summary>
    Run,

    /// <summary>Posted by a file import (actual costs from the general ledger, usage).</summary>
    Import,

    /// <summary>Posted by a person (a finance officer's adjustment).</summary>
    UserAction,

    /// <summary>The exact reversal of an earlier transaction: the only way a posted transaction is corrected.</summary>
    Reversal,
}

/// <summary>
/// Where a transaction came from: its kind and a reference a person can follow ("run 12", "costs-2026-05.csv").
/// A reversal names the source it reverses in <see cref="Reverses"/>.
/// </summary>
public sealed record JournalSource
{
    public JournalSource(JournalSourceKind kind, string reference, JournalSource? reverses = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown journal source.");
        }
        if ((kind == JournalSourceKind.Reversal) != (reverses is not null))
        {
            throw new ArgumentException("A reversal, and only a reversal, names the source it reverses.", nameof(reverses));
        }
        Kind = kind;
        Reference = reference.Trim();
        Reverses = reverses;
    }

    public JournalSourceKind Kind { get; }
    public string Reference { get; }
    public JournalSource? Reverses { get; }

    public static JournalSource Run(string reference) => new(JournalSourceKind.Run, reference);
    public static JournalSource Import(string reference) => new(JournalSourceKind.Import, reference);
    public static JournalSource UserAction(string reference) => new(JournalSourceKind.UserAction, reference);

    public override string ToString() => Kind == JournalSourceKind.Reversal
        ? $"reversal of {Reverses}"
        : $"{Kind} {Reference}";
}

/// <summary>
/// What a transaction is about, apart from its postings: the authority and period it belongs to, its source,
/// description, and who recorded it when. The clock and the user are the caller's: the domain never reads them.
/// </summary>
public sealed record JournalHeader
{
    public JournalHeader(int authorityId, AccountingPeriod period, JournalSource source, string description, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        AuthorityId = authorityId;
        Period = period;
        Source = source;
        Description = description.Trim();
        RecordedBy = recordedBy.Trim();
        RecordedAt = recordedAt;
    }

    public int AuthorityId { get; }
    public AccountingPeriod Period { get; }
    public JournalSource Source { get; }
    public string Description { get; }
    public string RecordedBy { get; }
    public DateTimeOffset RecordedAt { get; }
}

/// <summary>
/// A double-entry journal transaction: two or more non-zero postings that sum to exactly zero, in one open
/// period of one authority. It exists only through <see cref="Create"/>, which checks every rule and reports
/// every broken one at once, and it never changes afterwards: a mistake is corrected by
/// <see cref="Reverse"/>, which posts the exact opposite, so the ledger keeps the whole history.
/// </summary>
public sealed class JournalTransaction
{
    private JournalTransaction(JournalHeader header, IReadOnlyList<Posting> postings)
    {
        Header = header;
        Postings = postings;
    }

    public JournalHeader Header { get; }

    /// <summary>The postings, in the order given; never fewer than two, never zero, summing to zero.</summary>
    public IReadOnlyList<Posting> Postings { get; }

    public int AuthorityId => Header.AuthorityId;
    public AccountingPeriod Period => Header.Period;
    public JournalSource Source => Header.Source;
    public string Description => Header.Description;
    public string RecordedBy => Header.RecordedBy;
    public DateTimeOffset RecordedAt => Header.RecordedAt;

    /// <summary>The sum of the debits (equal to the sum of the credits, negated).</summary>
    public Money Total => new(Postings.Where(p => p.IsDebit).Sum(p => p.Amount.Pence));

    /// <summary>
    /// Makes a transaction, or says every reason it cannot be made: no postings, a single posting, a zero
    /// posting, postings that do not balance (and by how much), or a closed period. <paramref name="period"/>
    /// must be the state of the header's authority and period; passing another one is a programming error.
    /// </summary>
    public static Result<JournalTransaction> Create(JournalHeader header, IEnumerable<Posting> postings, PeriodState period)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentNullException.ThrowIfNull(period);
        if (period.AuthorityId != header.AuthorityId || period.Period != header.Period)
        {
            throw new ArgumentException(
                $"The period state is for authority {period.AuthorityId} {period.Period}, not authority {header.AuthorityId} {header.Period}.",
                nameof(period));
        }
        var lines = postings.ToArray();
        var errors = Rules.SelectMany(rule => rule(header, lines, period)).ToList();
        return errors.Count > 0
            ? Result<JournalTransaction>.Failure(errors)
            : Result<JournalTransaction>.Success(new JournalTransaction(header, new ReadOnlyCollection<Posting>(lines)));
    }

    private delegate IEnumerable<DomainError> Rule(JournalHeader header, Posting[] postings, PeriodState period);

    private static readonly Rule[] Rules = [HasPostings, HasMoreThanOne, NoZeroPostings, Balances, PeriodIsOpen];

    private static IEnumerable<DomainError> HasPostings(JournalHeader header, Posting[] postings, PeriodState period)
    {
        if (postings.Length == 0)
        {
            yield return new DomainError("postings", "A transaction needs postings; this one has none.");
        }
    }

    private static IEnumerable<DomainError> HasMoreThanOne(JournalHeader header, Posting[] postings, PeriodState period)
    {
        if (postings.Length == 1)
        {
            yield return new DomainError("postings",
                $"A transaction needs at least two postings (a debit and a credit); this one has only {postings[0]}.");
        }
    }

    private static IEnumerable<DomainError> NoZeroPostings(JournalHeader header, Posting[] postings, PeriodState period)
    {
        for (var i = 0; i < postings.Length; i++)
        {
            if (postings[i].Amount == Money.Zero)
            {
                yield return new DomainError($"postings[{i}]",
                    $"Posting {i + 1} (cost centre {postings[i].CostCentreId}, account {postings[i].AccountCode}) is for 0.00; every posting must move money.");
            }
        }
    }

    private static IEnumerable<DomainError> Balances(JournalHeader header, Posting[] postings, PeriodState period)
    {
        var sum = new Money(postings.Sum(p => p.Amount.Pence));
        if (postings.Length > 0 && sum != Money.Zero)
        {
            var debits = new Money(postings.Where(p => p.IsDebit).Sum(p => p.Amount.Pence));
            var credits = new Money(-postings.Where(p => p.IsCredit).Sum(p => p.Amount.Pence));
            var side = sum > Money.Zero ? "debits exceed credits" : "credits exceed debits";
            yield return new DomainError("postings",
                $"The postings do not balance: {side} by {(sum > Money.Zero ? sum : -sum)} (debits {debits}, credits {credits}).");
        }
    }

    private static IEnumerable<DomainError> PeriodIsOpen(JournalHeader header, Posting[] postings, PeriodState period)
    {
        if (period.IsClosed)
        {
            yield return new DomainError("period",
                $"{header.Period} is closed, so nothing more can be posted to it; post a correction to an open period.");
        }
    }

    /// <summary>
    /// The exact reversing transaction: every posting negated, in the same order, with source
    /// <see cref="JournalSourceKind.Reversal"/> naming this transaction's source. It goes into the period whose
    /// state is given (this transaction's own period, or a later open one when that has closed).
    /// </summary>
    public Result<JournalTransaction> Reverse(PeriodState period, string reversedBy, DateTimeOffset reversedAt, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        var source = new JournalSource(JournalSourceKind.Reversal, "reversal of " + Source.Reference, Source);
        var description = "Reversal of: " + Description + (string.IsNullOrWhiteSpace(reason) ? "" : " (" + reason.Trim() + ")");
        var header = new JournalHeader(AuthorityId, period.Period, source, description, reversedBy, reversedAt);
        return Create(header, Postings.Select(p => p.Negated()), period);
    }

    public override string ToString() => $"{Source} {Period}: {Description} ({English.Count(Postings.Count, "posting")}, {Total})";
}
