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
        var closed = PeriodStateOf(closed: true);

        var result = JournalTransaction.Create(Header(), [P(10, "6000", 500), P(1, "9000", -500)], closed);

        var error = Assert.Single(result.Errors);
        Assert.Equal("period", error.Field);
        Assert.Contains("2026/27 P02 (May 2026) is closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBrokenRule_IsReportedAtOnce()
    {
        var closed = PeriodStateOf(closed: true);

        var result = JournalTransaction.Create(Header(), [P(10, "6000", 0), P(1, "9000", -1)], closed);

        Assert.Equal(["postings[0]", "postings", "period"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void APeriodStateForAnotherPeriod_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() =>
            JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], PeriodStateOf(May2026.Year.Period(3))));

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

        var result = original.Reverse(PeriodStateOf(closed: true), "someone", Now);

        Assert.Equal("period", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Reverse_OfATransactionInAClosedPeriod_GoesIntoALaterOpenPeriod()
    {
        var original = JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], OpenMay).Value;
        var june = PeriodStateOf(May2026.Year.Period(3));

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

    [Theory]
    [InlineData(500, true, false, "cost centre 10 6000 DR £5.00")]
    [InlineData(-500, false, true, "cost centre 10 6000 CR £5.00")]
    [InlineData(0, false, false, "cost centre 10 6000 DR £0.00")]
    public void APosting_IsADebitWhenPositiveACreditWhenNegative_AndSaysWhichInWords(long pence, bool debit, bool credit, string words)
    {
        var posting = P(10, " 6000 ", pence);

        Assert.Equal((debit, credit, words), (posting.IsDebit, posting.IsCredit, posting.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void APosting_WithoutAnAccount_IsAProgrammingError(string account) =>
        Assert.Throws<ArgumentException>(() => new Posting(10, account, new Money(1)));

    [Fact]
    public void ASource_WithoutAReference_OrOfAnUnknownKind_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => new JournalSource(JournalSourceKind.Import, "  "));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JournalSource((JournalSourceKind)99, "costs.csv"));
        Assert.Equal("kind", e.ParamName);
    }

    [Fact]
    public void ASource_IsWrittenAsItsKindAndReference_AndAReversalAsWhatItReverses()
    {
        var run = JournalSource.Run(" run 12 ");

        Assert.Equal("Run run 12", run.ToString());
        Assert.Equal("UserAction adjustment 3", JournalSource.UserAction("adjustment 3").ToString());
        Assert.Equal("reversal of Run run 12", new JournalSource(JournalSourceKind.Reversal, "reversal of run 12", run).ToString());
    }

    [Fact]
    public void AHeader_WithoutASourceDescriptionOrRecorder_IsAProgrammingError()
    {
        Assert.Throws<ArgumentNullException>(() => new JournalHeader(AuthorityId, May2026, null!, "Monthly recharge", "someone", Now));
        Assert.Throws<ArgumentException>(() => new JournalHeader(AuthorityId, May2026, JournalSource.Run("run 1"), " ", "someone", Now));
        Assert.Throws<ArgumentException>(() => new JournalHeader(AuthorityId, May2026, JournalSource.Run("run 1"), "Monthly recharge", "", Now));
    }

    [Fact]
    public void Create_WithAMissingArgument_NamesIt()
    {
        Posting[] postings = [P(10, "6000", 1), P(1, "9000", -1)];

        Assert.Equal("header", Assert.Throws<ArgumentNullException>(() => JournalTransaction.Create(null!, postings, OpenMay)).ParamName);
        Assert.Equal("postings", Assert.Throws<ArgumentNullException>(() => JournalTransaction.Create(Header(), null!, OpenMay)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => JournalTransaction.Create(Header(), postings, null!)).ParamName);
    }

    [Fact]
    public void AZeroPosting_IsNamedByItsPositionCountingFromOne()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 500), P(11, "6010", 0), P(1, "9000", -500)], OpenMay);

        Assert.Equal("Posting 2 (cost centre 11, account 6010) is for 0.00; every posting must move money.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void AnUnbalancedTransaction_ListsItsDebitsAndItsCreditsAsPositiveAmounts()
    {
        var result = JournalTransaction.Create(Header(), [P(10, "6000", 10_000), P(1, "9000", -9_000), P(2, "9000", -950)], OpenMay);

        Assert.Equal("The postings do not balance: debits exceed credits by £0.50 (debits £100.00, credits £99.50).", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Reverse_WithoutAPeriod_IsAProgrammingError()
    {
        var original = JournalTransaction.Create(Header(), [P(10, "6000", 1), P(1, "9000", -1)], OpenMay).Value;

        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => original.Reverse(null!, "someone", Now)).ParamName);
    }

    [Fact]
    public void ATransaction_IsWrittenWithItsSourcePeriodDescriptionAndTotal()
    {
        var t = JournalTransaction.Create(Header(), [P(10, "6000", 700), P(11, "6000", 300), P(1, "9000", -1_000)], OpenMay).Value;

        Assert.Equal("Run run 12 2026/27 P02 (May 2026): Monthly recharge (3 postings, £10.00)", t.ToString());
    }
}
