using FairShare.Domain.Ledger;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

public class JournalTransactionTests
{
    [Fact]
    public void ABalancedTransaction_IsCreatedWithItsSourceAndPostings()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 12_345), P(1, "9000", -12_345)], OpenMay);

        Assert.True(result.IsSuccess);
        var t = result.Value;
        Assert.Equal(JournalSourceKind.Run, t.Source.Kind);
        Assert.Equal("run 12", t.Source.Reference);
        Assert.Equal(AuthorityId, t.AuthorityId);
        Assert.Equal(May2026, t.Period);
        Assert.Equal("finance.officer@example.gov.uk", t.RecordedBy);
        Assert.Equal(Now, t.RecordedAt);
        Assert.Equal(new Money(12_345), t.Total);
        Assert.Equal(2, t.Postings.Count);
    }

    [Fact]
    public void ATransactionWithNoPostings_IsRefused()
    {
        var result = JournalTransaction.Create(Header(), [], OpenMay);

        var error = Assert.Single(result.Errors);
        Assert.Contains("none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATransactionWithASinglePosting_IsRefused()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 0)], OpenMay);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Message.Contains("at least two postings", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnbalancedTransaction_IsRefusedSayingByHowMuch()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 10_000), P(1, "9000", -9_950)], OpenMay);

        var error = Assert.Single(result.Errors);
        Assert.Contains("debits exceed credits by £0.50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATransactionWhoseCreditsExceedItsDebits_SaysSo()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 100), P(1, "9000", -300)], OpenMay);

        Assert.Contains("credits exceed debits by £2.00", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZeroPosting_IsRefusedEvenWhenTheRestBalances()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 500), P(11, "6000", 0), P(1, "9000", -500)], OpenMay);

        var error = Assert.Single(result.Errors);
        Assert.Equal("postings[1]", error.Field);
        Assert.Contains("0.00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APostingToAClosedPeriod_IsRefusedWithAClearError()
    {
        var closed = PeriodState.Closed(AuthorityId, May2026);

        var result = JournalTransaction.Create(Header(), [P(10, "6000", 500), P(1, "9000", -500)], closed);

        var error = Assert.Single(result.Errors);
        Assert.Equal("period", error.Field);
        Assert.Contains("2026/27 P02 (May 2026) is closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBrokenRule_IsReportedAtOnce()
    {
        var closed = PeriodState.Closed(AuthorityId, May2026);

        var result = JournalTransaction.Create(Header(), [P(10, "6000", 0), P(1, "9000", -1)], closed);

        Assert.Equal(["postings[0]", "postings", "period"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void APeriodStateForAnotherPeriod_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() =>
            JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], PeriodState.Open(AuthorityId, May2026.Year.Period(3))));

    [Fact]
    public void APostedTransaction_CannotBeChangedThroughItsPostings()
    {
        var t = JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], OpenMay).Value;

        var list = Assert.IsAssignableFrom<IList<Posting>>(t.Postings);
        Assert.True(list.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => list[0] = P(10, "6000", 2));
    }

    [Fact]
    public void Reverse_NegatesEveryPostingAndNamesTheOriginal()
    {
        var original = JournalTransaction.Create(Header("run 12"), [P(10, "6000", 700), P(11, "6000", 300), P(1, "9000", -1_000)], OpenMay).Value;

        var reversal = original.Reverse(OpenMay, "auditor.fix@example.gov.uk", Now.AddDays(1), "wrong driver").Value;

        Assert.Equal(JournalSourceKind.Reversal, reversal.Source.Kind);
        Assert.Equal(original.Source, reversal.Source.Reverses);
        Assert.Contains("run 12", reversal.Source.Reference, StringComparison.Ordinal);
        Assert.Contains("wrong driver", reversal.Description, StringComparison.Ordinal);
        Assert.Equal(original.Postings.Select(p => (p.CostCentreId, p.AccountCode, -p.Amount.Pence)),
            reversal.Postings.Select(p => (p.CostCentreId, p.AccountCode, p.Amount.Pence)));
        Assert.All(Balances.ByAccount(original.Postings.Concat(reversal.Postings)).Values, v => Assert.Equal(Money.Zero, v));
        Assert.All(Balances.NetCostByCostCentre(original.Postings.Concat(reversal.Postings)).Values, v => Assert.Equal(Money.Zero, v));
    }

    [Fact]
    public void Reverse_IntoAClosedPeriod_IsRefused()
    {
        var original = JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], OpenMay).Value;

        var result = original.Reverse(PeriodState.Closed(AuthorityId, May2026), "someone", Now);

        Assert.Equal("period", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Reverse_OfATransactionInAClosedPeriod_GoesIntoALaterOpenPeriod()
    {
        var original = JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], OpenMay).Value;
        var june = PeriodState.Open(AuthorityId, May2026.Year.Period(3));

        var reversal = original.Reverse(june, "someone", Now).Value;

        Assert.Equal(3, reversal.Period.Number);
    }

    [Fact]
    public void AReversalSource_MustNameWhatItReverses()
    {
        Assert.Throws<ArgumentException>(() => new JournalSource(JournalSourceKind.Reversal, "reversal"));
        Assert.Throws<ArgumentException>(() => new JournalSource(JournalSourceKind.Run, "run 1", JournalSource.Run("run 0")));
    }

    [Fact]
    public void Posting_DebitIsPositiveAndCreditNegative()
    {
        Assert.Equal(500, Posting.Debit(10, ChartOfAccounts.SupportServicesBought, new Money(500)).Amount.Pence);
        Assert.Equal(-500, Posting.Credit(1, ChartOfAccounts.InternalRechargeIncome, new Money(500)).Amount.Pence);
    }
}
