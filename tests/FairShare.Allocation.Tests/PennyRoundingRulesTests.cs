namespace FairShare.Allocation.Tests;

/// <summary>The rounding rules of <see cref="PennyRounding"/> one at a time, with hand-worked pence.</summary>
public class PennyRoundingRulesTests
{
    [Theory]
    [InlineData(new[] { 0.5, 2.5 }, 3, new[] { 0L, 3L })]
    [InlineData(new[] { 2.5, 0.5 }, 3, new[] { 3L, 0L })]
    [InlineData(new[] { 0.5, 0.5, 0.5 }, 2, new[] { 1L, 1L, 0L })]
    [InlineData(new[] { 1.5, 0.5, 1.5 }, 4, new[] { 2L, 0L, 2L })]
    public void LargestRemainder_EqualFractions_GoToTheLargerAmountThenTheEarlierItem(double[] exact, long target, long[] expected) =>
        Assert.Equal(expected, PennyRounding.LargestRemainder([.. exact.Select(x => (decimal)x)], target));

    [Fact]
    public void LargestRemainder_FractionsEqualToNineDecimalPlaces_AreATie()
    {
        // .1234567886 and .1234567894 are both .123456789 to nine places: the larger amount wins, not the larger fraction
        Assert.Equal([3L, 1L], PennyRounding.LargestRemainder([2.1234567886m, 1.1234567894m], 4));
        // a difference in the ninth place is not a tie
        Assert.Equal([2L, 2L], PennyRounding.LargestRemainder([2.123456788m, 1.123456789m], 4));
    }

    [Fact]
    public void LargestRemainder_NineDifferentFractions_TopFourGetAPenny() =>
        Assert.Equal(
            [0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L],
            PennyRounding.LargestRemainder([0.3m, 0.9m, 0.1m, 0.6m, 0.4m, 0.8m, 0.2m, 0.7m, 0.5m], 4));

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    public void LargestRemainder_TargetBeyondAPennyOfEachAmount_IsRefused(long target)
    {
        // 0.5 and 1.5 can be rounded to 1, 2 or 3 pence in all, and no further
        var error = Assert.Throws<InvalidOperationException>(() => PennyRounding.LargestRemainder([0.5m, 1.5m], target));
        Assert.Equal($"Largest remainder cannot reach {target} within a penny of each amount.", error.Message);
        Assert.Null(PennyRounding.TryLargestRemainder([0.5m, 1.5m], target));
        Assert.Equal([0L, 1L], PennyRounding.LargestRemainder([0.5m, 1.5m], 1));
    }

    [Fact]
    public void LargestRemainder_RandomAmountsWithManyTies_MatchesSortingByTheRule()
    {
        var random = new Random(20261203);
        decimal[] fractions = [0m, 0.25m, 0.5m, 0.75m, 0.5m, 0.1234m];
        for (var k = 0; k < 500; k++)
        {
            var exact = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(0, 4) + fractions[random.Next(fractions.Length)]).ToArray();
            var floors = exact.Select(decimal.Floor).ToArray();
            var fractional = Enumerable.Range(0, exact.Length).Where(i => exact[i] != floors[i]).ToList();
            var extra = random.Next(0, fractional.Count + 1);
            var winners = fractional
                .OrderByDescending(i => exact[i] - floors[i])
                .ThenByDescending(i => floors[i])
                .ThenBy(i => i)
                .Take(extra)
                .ToHashSet();
            var expected = Enumerable.Range(0, exact.Length).Select(i => (long)floors[i] + (winners.Contains(i) ? 1 : 0)).ToArray();
            Assert.Equal(expected, PennyRounding.LargestRemainder(exact, (long)floors.Sum() + extra));
        }
    }

    [Theory]
    [InlineData("-1.25", -2, 750_000_000_000_000_000)]
    [InlineData("-3", -3, 0)]
    [InlineData("-0.0000000000000000001", 0, 0)]
    public void Split_NegativeAmount_IsTheFloorAndWhatIsAbove(string value, long whole, long fraction) =>
        Assert.Equal((whole, fraction), PennyRounding.Split(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("9300000000000000000.25")]
    [InlineData("20000000000000000000.5")]
    [InlineData("79228162514264337593543950335")]
    public void Split_AmountBeyondLongPence_OverflowsRatherThanWrapping(string value) =>
        Assert.Throws<OverflowException>(() => PennyRounding.Split(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Split_LargestLongPence_IsExact() =>
        Assert.Equal((long.MaxValue, 500_000_000_000_000_000), PennyRounding.Split(long.MaxValue + 0.5m));

    [Fact]
    public void SupportToSupportTransferOfHalfAPenny_GoesUp()
    {
        // S1's 3p is shared 1:1 between S2 and Housing (1.5p each); S2 passes its 1.5p to Housing. The support-to-
        // support 1.5p goes up to 2p, so S1 has 1p left for Housing and S2 passes 2p.
        var model = new AllocationModel(
            "GBP",
            [
                new Department("S1", "S1", DepartmentKind.Support, 0.03m),
                new Department("S2", "S2", DepartmentKind.Support, 0m),
                new Department("H", "H", DepartmentKind.Operating, 0m),
            ],
            [new UsageLine(1, "S1", "S2", 1), new UsageLine(2, "S1", "H", 1), new UsageLine(3, "S2", "H", 1)]);
        foreach (var method in new[] { AllocationMethod.Reciprocal, AllocationMethod.StepDown })
        {
            var result = Allocator.Allocate(model, new AllocationOptions(method)).Result!;
            Invariants.Hold(model, result);
            Assert.Equal(
                [("S1", "S2", 0.02m), ("S1", "H", 0.01m), ("S2", "H", 0.02m)],
                result.Transfers.Select(t => (t.From, t.To, t.Amount)));
        }
    }
}
