using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FairShare.Allocation.Tests;

/// <summary>
/// <see cref="MarginRounding"/> rounds the origins of each charge (a matrix in pence) so that every row and every
/// column keeps its whole-penny total. Expected values are worked by hand from the rules in its summary.
/// </summary>
public class MarginRoundingTests
{
    [Fact]
    public void RoundRow_WholeAmounts_AreKeptAsTheyAre() =>
        Assert.Equal([1L, 2L, 0L], MarginRounding.RoundRow([1, 2, 0], 3));

    [Fact]
    public void RoundRow_LeftoverPenny_GoesToTheLargestFraction() =>
        Assert.Equal([1L, 3L, 0L], MarginRounding.RoundRow([1.25, 2.5, 0.25], 4));

    [Theory]
    [InlineData(new[] { 0.5, 2.5 }, new[] { 0L, 3L })]
    [InlineData(new[] { 2.5, 0.5 }, new[] { 3L, 0L })]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 1L, 0L })]
    public void RoundRow_EqualFractions_GoToTheLargerAmountThenTheEarlierColumn(double[] exact, long[] expected) =>
        Assert.Equal(expected, MarginRounding.RoundRow(exact, expected.Sum()));

    [Fact]
    public void RoundRow_MorePenniesThanColumns_GoRoundAgainInTheSameOrder() =>
        Assert.Equal([3L, 2L], MarginRounding.RoundRow([0.1, 0.1], 5));

    [Fact]
    public void RoundRow_TotalBelowTheWholePence_TakesFromTheSmallestFractionFirst() =>
        Assert.Equal([0L, 2L, 3L], MarginRounding.RoundRow([1.2, 2.9, 3.5], 5));

    [Theory]
    [InlineData(new[] { 1.5, 2.5 }, new[] { 0L, 2L })]
    [InlineData(new[] { 2.5, 1.5 }, new[] { 2L, 0L })]
    [InlineData(new[] { 1.5, 1.5 }, new[] { 1L, 0L })]
    public void RoundRow_PennyTakenBack_FromTheSmallerAmountThenTheLaterColumn(double[] exact, long[] expected) =>
        Assert.Equal(expected, MarginRounding.RoundRow(exact, expected.Sum()));

    [Fact]
    public void RoundRow_PenniesTakenBack_NeverMakeAColumnNegative()
    {
        // the zero column is first in line but has nothing to give, so both pence come off the 2
        Assert.Equal([0L, 0L], MarginRounding.RoundRow([2, 0], 0));
        Assert.Equal([0L, 1L], MarginRounding.RoundRow([0, 1], 1));
        Assert.Equal([0L, 0L], MarginRounding.RoundRow([0, 1], 0));
    }

    [Fact]
    public void RoundRow_NegativeAmount_CountsAsNothing() =>
        Assert.Equal([0L, 1L], MarginRounding.RoundRow([-2, 1], 1));

    [Theory]
    // a hair under a whole penny is that penny, with no fraction left to compete for the leftover
    [InlineData(new[] { 1.5, 1.9999999999 }, 2, new[] { 1L, 1L })]
    [InlineData(new[] { 1.0, 1.9999999999 }, 2, new[] { 0L, 2L })]
    // short of it by more than 10⁻⁹ it is not: 1 + 1 already makes the total
    [InlineData(new[] { 1.5, 1.99999 }, 2, new[] { 1L, 1L })]
    public void RoundRow_AmountWithin10ToTheMinus9OfAPenny_IsThatPenny(double[] exact, long total, long[] expected) =>
        Assert.Equal(expected, MarginRounding.RoundRow(exact, total));

    [Fact]
    public void Round_RowAndColumnTotalsThatDiffer_AreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MarginRounding.Round([[1, 1]], [2], [1, 2]));
        Assert.Equal("Row and column totals differ.", error.Message);
    }

    [Fact]
    public void Round_RowsThatAlreadyMeetTheColumns_AreLeftAlone()
    {
        var rounded = MarginRounding.Round([[1.4, 0.6], [0.4, 1.6]], [2, 2], [1, 3]);
        Assert.Equal([[1L, 1L], [0L, 2L]], rounded);
    }

    [Fact]
    public void Round_ColumnOver_GivesAPennyWithinTheRowThatRoundedItUpMost()
    {
        // both rows round to [1, 0]; row 1 rounded column 0 up by 0.5 and column 1 down by 0.5 (score 1.0),
        // row 0 by 0.4 and 0.4 (score 0.8), so row 1 moves its penny
        var rounded = MarginRounding.Round([[0.6, 0.4], [0.5, 0.5]], [1, 1], [1, 1]);
        Assert.Equal([[1L, 0L], [0L, 1L]], rounded);
    }

    [Fact]
    public void Round_EqualClaims_MoveThePennyInTheEarlierRow()
    {
        var rounded = MarginRounding.Round([[0.5, 0.5], [0.5, 0.5]], [1, 1], [1, 1]);
        Assert.Equal([[0L, 1L], [1L, 0L]], rounded);
    }

    [Fact]
    public void Round_TwoColumnsUnder_AreFilledLowestIndexFirst()
    {
        // every row rounds to [1, 0, 0]: column 0 is 2 over, columns 1 and 2 are 1 under each
        var third = new[] { 0.34, 0.33, 0.33 };
        var rounded = MarginRounding.Round([third, third, third], [1, 1, 1], [1, 1, 1]);
        Assert.Equal([[0L, 1L, 0L], [0L, 0L, 1L], [1L, 0L, 0L]], rounded);
    }

    [Fact]
    public void Round_NoRowHasBothColumns_MovesThePennyAlongAChainOfRows()
    {
        // row 0 has columns 0 and 1, row 1 has columns 1 and 2; column 0 is a penny over and column 2 a penny
        // under, so row 0 moves it to column 1 and row 1 from column 1 to column 2
        var rounded = MarginRounding.Round([[0.5, 0.5, 0], [0, 0.5, 0.5]], [1, 1], [0, 1, 1]);
        Assert.Equal([[0L, 1L, 0L], [0L, 0L, 1L]], rounded);
    }

    [Fact]
    public void Round_ChainThroughAColumnWithNothingToGive_IsNotTaken()
    {
        // row 0 could pass column 0's penny to column 1, but row 1 holds nothing of column 1 to pass on;
        // row 2 does, through column 2. The chain is 0 → 2 (row 0), 2 → 3 (row 2).
        var rounded = MarginRounding.Round(
            [[0.5, 0.4, 0.1, 0], [0, 0.2, 0, 0.8], [0, 0, 0.5, 0.5]],
            [1, 1, 1],
            [0, 0, 1, 2]);
        AssertMargins(rounded, [1, 1, 1], [0, 0, 1, 2]);
        Assert.Equal([[0L, 0L, 1L, 0L], [0L, 0L, 0L, 1L], [0L, 0L, 0L, 1L]], rounded);
    }

    [Fact]
    public void Round_NoRowCanCarryThePennyToARealColumn_MovesItWhereTheRowHasMostOfTheOverColumn()
    {
        // rows 0 and 1 have only column 0 (1.2 and 1.7); column 0 is 2 over. Each penny moves in row 1 (more
        // of column 0), to the first column that is under.
        var rounded = MarginRounding.Round([[1.2, 0, 0], [1.7, 0, 0]], [1, 2], [1, 1, 1]);
        Assert.Equal([[1L, 0L, 0L], [0L, 1L, 1L]], rounded);
    }

    [Fact]
    public void Round_LastResortMoves_GoToTheFirstColumnUnderEachTime()
    {
        var rounded = MarginRounding.Round([[1, 0, 0, 0], [0, 0, 0, 1]], [1, 1], [0, 1, 1, 0]);
        Assert.Equal([[0L, 1L, 0L, 0L], [0L, 0L, 1L, 0L]], rounded);
    }

    [Fact]
    public void Round_LastResortWithEqualRows_TakesTheEarlierRow()
    {
        var rounded = MarginRounding.Round([[1, 0], [1, 0]], [1, 1], [1, 1]);
        Assert.Equal([[0L, 1L], [1L, 0L]], rounded);
    }

    [Fact]
    public void Round_ColumnOverThatNoRowHolds_CannotBeBalancedAndSaysSo()
    {
        // hostile totals: a negative column total leaves a column "over" with no penny in any row to move
        var error = Assert.Throws<InvalidOperationException>(() => MarginRounding.Round([[0, 0]], [0], [1, -1]));
        Assert.Equal("Row and column totals cannot be balanced.", error.Message);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(MarginRoundingTests)])]
    public void Round_RandomMatricesRoundedFromWholePence_KeepEveryTotalAndUseOnlyRealColumns(PennyMatrix matrix)
    {
        var rounded = MarginRounding.Round(matrix.Exact, matrix.RowTotals, matrix.ColumnTotals);
        AssertMargins(rounded, matrix.RowTotals, matrix.ColumnTotals);
        for (var r = 0; r < rounded.Length; r++)
        {
            for (var c = 0; c < rounded[r].Length; c++)
            {
                // the whole-pence matrix the totals came from has pence only where the exact one has an amount,
                // so a penny never has to be put where the row has nothing
                Assert.True(rounded[r][c] == 0 || matrix.Exact[r][c] > 0, $"[{r}][{c}] {rounded[r][c]} where the row has nothing");
            }
        }
    }

    public static Arbitrary<PennyMatrix> PennyMatrices() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => new PennyMatrix(seed)));

    private static void AssertMargins(long[][] rounded, long[] rowTotals, long[] columnTotals)
    {
        for (var r = 0; r < rounded.Length; r++)
        {
            Assert.All(rounded[r], amount => Assert.True(amount >= 0));
            Assert.Equal(rowTotals[r], rounded[r].Sum());
        }

        for (var c = 0; c < columnTotals.Length; c++)
        {
            Assert.Equal(columnTotals[c], rounded.Sum(row => row[c]));
        }
    }

    /// <summary>
    /// A whole-pence matrix (often zero, to leave gaps that force chains) with up to a penny taken off or added to
    /// each non-zero amount: the totals are the whole-pence matrix's, the exact amounts what is rounded.
    /// </summary>
    public sealed class PennyMatrix
    {
        public PennyMatrix(int seed)
        {
            Seed = seed;
            var rng = new Random(seed);
            var rows = rng.Next(1, 6);
            var columns = rng.Next(1, 7);
            Exact = new double[rows][];
            RowTotals = new long[rows];
            ColumnTotals = new long[columns];
            for (var r = 0; r < rows; r++)
            {
                Exact[r] = new double[columns];
                for (var c = 0; c < columns; c++)
                {
                    long whole = rng.Next(3) == 0 ? 0 : rng.Next(1, 6);
                    RowTotals[r] += whole;
                    ColumnTotals[c] += whole;
                    Exact[r][c] = whole == 0 ? 0 : whole + (rng.Next(-99, 100) / 100.0);
                }
            }
        }

        public int Seed { get; }

        public double[][] Exact { get; }

        public long[] RowTotals { get; }

        public long[] ColumnTotals { get; }

        public override string ToString() => $"seed {Seed}: [{string.Join("; ", Exact.Select(r => string.Join(", ", r)))}]";
    }
}
