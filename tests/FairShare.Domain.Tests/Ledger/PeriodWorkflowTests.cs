using FairShare.Domain.Ledger;
using FairShare.Domain.Workflow;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

public class PeriodWorkflowTests
{
    private static readonly PeriodFacts AprilClosed = new(PeriodStatus.Closed);

    public static TheoryData<PeriodStatus, PeriodTrigger, PeriodStatus?, string> MonthCells => new()
    {
        // (status, trigger) → status, or null and the words of the refusal.
        { PeriodStatus.Open, PeriodTrigger.Import, PeriodStatus.Open, "" },
        { PeriodStatus.Open, PeriodTrigger.PostRun, PeriodStatus.RunPosted, "" },
        { PeriodStatus.Open, PeriodTrigger.ReverseRun, null, "2026-05 has no posted run to reverse." },
        { PeriodStatus.Open, PeriodTrigger.Close, null, "2026-05 cannot be closed: its recharge run has not been posted." },
        { PeriodStatus.RunPosted, PeriodTrigger.Import, null, "2026-05 is posted; it takes no more records until its run is reversed." },
        { PeriodStatus.RunPosted, PeriodTrigger.PostRun, null, "2026-05 is already posted; reverse its run first" },
        { PeriodStatus.RunPosted, PeriodTrigger.ReverseRun, PeriodStatus.Open, "" },
        { PeriodStatus.RunPosted, PeriodTrigger.Close, PeriodStatus.Closed, "" },
        { PeriodStatus.Closed, PeriodTrigger.Import, null, "2026-05 is closed; it takes no more records." },
        { PeriodStatus.Closed, PeriodTrigger.PostRun, null, "2026-05 is closed; nothing can be posted into it." },
        { PeriodStatus.Closed, PeriodTrigger.ReverseRun, null, "2026-05 is closed; its run stays as posted." },
        { PeriodStatus.Closed, PeriodTrigger.Close, null, "2026-05 is already closed." },
        { PeriodStatus.Open, PeriodTrigger.WithdrawImport, PeriodStatus.Open, "" },
        { PeriodStatus.RunPosted, PeriodTrigger.WithdrawImport, null, "2026-05 is posted: its run priced these records. Reverse the run first, then withdraw the import." },
        { PeriodStatus.Closed, PeriodTrigger.WithdrawImport, null, "2026-05 is closed; its records stay as they are." },
    };

    [Theory]
    [MemberData(nameof(MonthCells))]
    public void AMonth_MovesOnlyAsItsTableSays(PeriodStatus from, PeriodTrigger trigger, PeriodStatus? to, string refusal)
    {
        var result = PeriodState.Load(AuthorityId, May2026, from).Apply(trigger, AprilClosed);

        if (to is { } expected)
        {
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
            Assert.Equal(expected, result.Value.State.Status);
            Assert.Null(result.Value.Warning);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("period", error.Field);
            Assert.StartsWith(refusal, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryCellOfTheTable_IsTested()
    {
        var tested = MonthCells.Select(row => ((PeriodStatus)row[0], (PeriodTrigger)row[1])).ToHashSet();
        var all = Enum.GetValues<PeriodStatus>().SelectMany(s => Enum.GetValues<PeriodTrigger>().Select(t => (s, t)));
        Assert.Equal(all.Order(), tested.Order());
        Assert.Equal(all.Order(), PeriodState.Workflow.Cells.Order());
    }

    [Theory]
    [InlineData(PeriodStatus.Open)]
    [InlineData(PeriodStatus.RunPosted)]
    public void ClosingBeforeTheMonthBefore_IsWarnedAboutByDefault(PeriodStatus april)
    {
        var result = PeriodState.Load(AuthorityId, May2026, PeriodStatus.RunPosted).Apply(PeriodTrigger.Close, new PeriodFacts(april));

        Assert.Equal(PeriodStatus.Closed, result.Value.State.Status);
        Assert.Equal($"2026-04 is still {PeriodState.Words(april)}: 2026-05 was closed before it.", result.Value.Warning);
    }

    [Fact]
    public void ClosingOutOfOrder_IsRefusedWhenThePolicySaysSo()
    {
        var result = PeriodState.Load(AuthorityId, May2026, PeriodStatus.RunPosted)
            .Apply(PeriodTrigger.Close, new PeriodFacts(PeriodStatus.Open, OutOfOrderClosePolicy.Refuse));

        Assert.Equal("2026-05 cannot be closed before 2026-04, which is still open: this authority closes periods in order.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void TheFirstMonthOfTheYear_ClosesWithoutLookingBack()
    {
        var april = PeriodState.Load(AuthorityId, May2026.Year.Period(1), PeriodStatus.RunPosted);

        var result = april.Apply(PeriodTrigger.Close, new PeriodFacts(null, OutOfOrderClosePolicy.Refuse));

        Assert.Equal(PeriodStatus.Closed, result.Value.State.Status);
        Assert.Null(result.Value.Warning);
    }

    [Theory]
    [InlineData(PeriodTrigger.Import, "2026/27-P13 is the year-end adjustment period: it takes year-end journals, not imports.")]
    [InlineData(PeriodTrigger.PostRun, "2026/27-P13 is the year-end adjustment period: it has no recharge run.")]
    [InlineData(PeriodTrigger.ReverseRun, "2026/27-P13 has no posted run to reverse.")]
    public void TheAdjustmentPeriod_TakesNoImportsAndNoRun(PeriodTrigger trigger, string refusal)
    {
        var result = PeriodState.Open(AuthorityId, May2026.Year.Adjustment).Apply(trigger, AprilClosed);

        Assert.StartsWith(refusal, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PeriodStatus.Closed, true)]
    [InlineData(PeriodStatus.RunPosted, false)]
    [InlineData(PeriodStatus.Open, false)]
    public void TheAdjustmentPeriod_ClosesOnceMarchHasClosed(PeriodStatus march, bool closes)
    {
        var result = PeriodState.Open(AuthorityId, May2026.Year.Adjustment).Apply(PeriodTrigger.Close, new PeriodFacts(march, OutOfOrderClosePolicy.Warn));

        Assert.Equal(closes, result.IsSuccess);
        if (!closes)
        {
            Assert.Equal("2026/27-P13 closes once the year's last month, 2027-03, is closed.", Assert.Single(result.Errors).Message);
        }
    }

    [Fact]
    public void APairNotInATable_IsRefusedNamingTheStateAndTheTrigger()
    {
        var table = new StateTable<PeriodStatus, PeriodTrigger, int>("the thing", s => s.ToString().ToLowerInvariant(), t => t.ToString().ToLowerInvariant())
            .Allow(PeriodStatus.Open, PeriodTrigger.Close, PeriodStatus.Closed);

        var result = table.Fire(PeriodStatus.Closed, PeriodTrigger.Import, 0);

        Assert.Equal("Cannot import when the thing is closed.", Assert.Single(result.Errors).Message);
        Assert.Equal(PeriodStatus.Closed, table.Fire(PeriodStatus.Open, PeriodTrigger.Close, 0).Value.To);
    }

    [Fact]
    public void ATableWithTwoRowsForOneCell_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => new StateTable<PeriodStatus, PeriodTrigger, int>("x", s => "", t => "")
            .Allow(PeriodStatus.Open, PeriodTrigger.Close, PeriodStatus.Closed)
            .Allow(PeriodStatus.Open, PeriodTrigger.Close, PeriodStatus.Open));

    [Fact]
    public void TheAdjustmentPeriod_IsWrittenWithItsYear()
    {
        var p13 = May2026.Year.Adjustment;

        Assert.Equal("2026/27-P13", p13.Month);
        Assert.True(p13.IsAdjustment);
        Assert.Equal(new DateOnly(2027, 3, 31), p13.FirstDay);
        Assert.Equal(13, May2026.Year.PeriodsWithAdjustment.Count());
        Assert.Equal(12, May2026.Year.Periods.Count());
        Assert.False(May2026.IsAdjustment);
    }
}
