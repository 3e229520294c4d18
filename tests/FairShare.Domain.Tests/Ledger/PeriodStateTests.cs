using FairShare.Domain.Ledger;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

public class PeriodStateTests
{
    [Fact]
    public void AnOpenPeriodWhoseRunIsPosted_Closes()
    {
        var closed = OpenMay.Close(recharged: true);

        Assert.True(closed.Value.IsClosed);
        Assert.True(OpenMay.IsOpen);
    }

    [Fact]
    public void APeriodWhoseRunIsNotPosted_CannotClose()
    {
        var result = OpenMay.Close(recharged: false);

        Assert.Contains("recharge run has not been posted", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClosedPeriod_CannotCloseAgain() =>
        Assert.Contains("already closed", Assert.Single(PeriodState.Closed(AuthorityId, May2026).Close(true).Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void AClosedPeriod_RefusesPostingsThatItAcceptedWhenOpen()
    {
        var postings = new[] { P(10, "6000", 1), P(1, "9000", -1) };
        Assert.True(JournalTransaction.Create(Header(), postings, OpenMay).IsSuccess);

        var closed = OpenMay.Close(true).Value;

        Assert.False(JournalTransaction.Create(Header(), postings, closed).IsSuccess);
    }
}

public class ChartOfAccountsTests
{
    [Theory]
    [InlineData("1000", AccountKind.Expenditure)]
    [InlineData("2000", AccountKind.Expenditure)]
    [InlineData("3000", AccountKind.Expenditure)]
    [InlineData("4000", AccountKind.Expenditure)]
    [InlineData("5000", AccountKind.Expenditure)]
    [InlineData("6000", AccountKind.Expenditure)]
    [InlineData("6500", AccountKind.SupportCostAllocation)]
    [InlineData("9000", AccountKind.Income)]
    [InlineData("9100", AccountKind.Income)]
    [InlineData("9500", AccountKind.SupportCostAllocation)]
    [InlineData("9900", AccountKind.Clearing)]
    [InlineData("9990", AccountKind.Control)]
    public void TheStandardChart_HasEveryAccountTheRunNeeds(string code, AccountKind kind)
    {
        var account = ChartOfAccounts.Find(code);

        Assert.NotNull(account);
        Assert.Equal(kind, account.Kind);
        Assert.False(string.IsNullOrWhiteSpace(account.Use));
    }

    [Fact]
    public void TheStandardChart_HasUniqueCodesInOrder()
    {
        var codes = ChartOfAccounts.Standard.Select(a => a.Code).ToList();
        Assert.Equal(codes.Distinct().Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [InlineData("9900", false)]
    [InlineData("9990", false)]
    [InlineData("6000", true)]
    [InlineData("E123", true)] // a council's own subjective code is a cost
    public void ClearingAndControlAccounts_AreNotCosts(string code, bool counts) =>
        Assert.Equal(counts, ChartOfAccounts.CountsTowardsCost(code));

    [Fact]
    public void APeriodState_SaysWhetherThePeriodIsOpenOrClosed()
    {
        Assert.Equal("2026/27 P02 (May 2026): open", PeriodStateOf().ToString());
        Assert.Equal("2026/27 P02 (May 2026): closed", PeriodStateOf(closed: true).ToString());
    }
}
