using FairShare.Domain.Ledger;

namespace FairShare.Domain.Tests.Ledger;

public class TwoPersonRuleTests
{
    private static readonly PreparedDryRun ByAnna = new("user:1", "Anna", new DateTimeOffset(2026, 6, 3, 9, 0, 0, TimeSpan.Zero), "figures-1");

    [Theory]
    [InlineData(TwoPersonStep.Post)]
    [InlineData(TwoPersonStep.Reverse)]
    [InlineData(TwoPersonStep.Close)]
    public void Off_AllowsTheSamePerson_AndNeedsNoDryRun(TwoPersonStep step)
    {
        Assert.Null(TwoPersonRule.Refusal(false, step, "2026-05", "user:1", ByAnna, "figures-1"));
        Assert.Null(TwoPersonRule.Refusal(false, step, "2026-05", "user:1", null, "figures-1"));
    }

    [Theory]
    [InlineData(TwoPersonStep.Post, "post")]
    [InlineData(TwoPersonStep.Reverse, "reverse")]
    [InlineData(TwoPersonStep.Close, "close")]
    public void On_RefusesWhoeverPreparedTheDryRun(TwoPersonStep step, string verb)
    {
        var refusal = TwoPersonRule.Refusal(true, step, "2026-05", "user:1", ByAnna, "figures-1");
        Assert.Equal($"This authority requires two people: you prepared the dry run of 2026-05, so someone else must {verb} it.", refusal?.Message);
    }

    [Theory]
    [InlineData(TwoPersonStep.Post)]
    [InlineData(TwoPersonStep.Reverse)]
    [InlineData(TwoPersonStep.Close)]
    public void On_AllowsSomeoneElse(TwoPersonStep step) =>
        Assert.Null(TwoPersonRule.Refusal(true, step, "2026-05", "user:2", ByAnna, "figures-1"));

    [Fact]
    public void On_PostingWithoutADryRun_IsRefused()
    {
        var refusal = TwoPersonRule.Refusal(true, TwoPersonStep.Post, "2026-05", "user:2", null, "figures-1");
        Assert.Equal("This authority requires two people: someone must prepare a dry run of 2026-05 before someone else posts it.", refusal?.Message);
    }

    [Fact]
    public void On_PostingFiguresOtherThanTheDryRunShowed_IsRefused()
    {
        var refusal = TwoPersonRule.Refusal(true, TwoPersonStep.Post, "2026-05", "user:2", ByAnna, "figures-2");
        Assert.Equal("The figures for 2026-05 have changed since Anna's dry run; a new dry run must be prepared and checked first.", refusal?.Message);
    }

    [Theory]
    [InlineData(TwoPersonStep.Reverse)]
    [InlineData(TwoPersonStep.Close)]
    public void On_ARunPostedBeforeTheRule_RestsOnNoDryRun_AndMayBeReversedOrClosed(TwoPersonStep step) =>
        Assert.Null(TwoPersonRule.Refusal(true, step, "2026-05", "user:1", null));

    [Fact]
    public void APost_RestsOnSomeoneElsesDryRunOfTheSameFigures_EvenWhenThePosterRanOneToReview()
    {
        var byBen = ByAnna with { PreparedById = "user:2", PreparedBy = "Ben" };
        var stale = ByAnna with { Figures = "figures-0" };
        Assert.Equal(ByAnna, TwoPersonRule.RestsOn([stale, ByAnna, byBen], "user:2", "figures-1"));
        Assert.Null(TwoPersonRule.Refusal(true, TwoPersonStep.Post, "2026-05", "user:2", TwoPersonRule.RestsOn([ByAnna, byBen], "user:2", "figures-1"), "figures-1"));
        Assert.Equal(byBen, TwoPersonRule.RestsOn([ByAnna, byBen], "user:1", "figures-1"));
        Assert.Equal(ByAnna, TwoPersonRule.RestsOn([ByAnna], "user:1", "figures-1"));
        Assert.Null(TwoPersonRule.RestsOn([], "user:1", "figures-1"));
    }
}
