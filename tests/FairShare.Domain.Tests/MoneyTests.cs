using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FairShare.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("0.005", 1)]
    [InlineData("0.0049", 0)]
    [InlineData("2.675", 268)]
    [InlineData("-0.005", -1)]
    [InlineData("1234.565", 123457)]
    public void Round_HalvesGoAwayFromZero(string pounds, long expectedPence) =>
        Assert.Equal(expectedPence, Money.Round(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)).Pence);

    [Fact]
    public void FromPounds_RefusesFractionsOfAPenny()
    {
        var e = Assert.Throws<ArgumentException>(() => Money.FromPounds(1.005m));
        Assert.Contains("not a whole number of pence", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(123456, "£1,234.56")]
    [InlineData(-1200, "-£12.00")]
    [InlineData(5, "£0.05")]
    public void ToString_IsWrittenAsUkFinanceStaffWriteIt(long pence, string expected) =>
        Assert.Equal(expected, new Money(pence).ToString());

    [Fact]
    public void Allocate_GivesLeftoverPenceToLargestRemaindersThenEarliest()
    {
        var parts = new Money(100).Allocate([1m, 1m, 1m]);
        Assert.Equal([34L, 33L, 33L], parts.Select(p => p.Pence));
    }

    [Property(MaxTest = 2000)]
    public Property Allocate_ConservesEveryPenny(long pence, NonEmptyArray<PositiveInt> weights)
    {
        var amount = new Money(pence % 10_000_000_000L);
        var parts = amount.Allocate(weights.Get.Select(w => (decimal)w.Get).ToArray());
        var exact = weights.Get.Select(w => amount.Pence * (decimal)w.Get / weights.Get.Sum(x => (decimal)x.Get)).ToArray();
        return (parts.Sum(p => p.Pence) == amount.Pence
                && parts.Zip(exact).All(x => Math.Abs(x.First.Pence - x.Second) < 1m))
            .ToProperty();
    }

    [Theory]
    [InlineData("1.01", true)]
    [InlineData("1234.56", true)]
    [InlineData("-0.07", true)]
    [InlineData("0", true)]
    [InlineData("1.005", false)]
    [InlineData("0.035", false)]
    [InlineData("-2.0001", false)]
    public void IsWholePence_IsTrueExactlyWhenTheAmountHasNoFractionOfAPenny(string pounds, bool expected) =>
        Assert.Equal(expected, Money.IsWholePence(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Adding_PastTheLargestAmount_OverflowsLoudlyRatherThanWrappingToADebt() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));

    [Fact]
    public void Subtracting_PastTheSmallestAmount_OverflowsLoudlyRatherThanWrappingToACredit() =>
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));

    [Theory]
    [InlineData(-5, 3, true, false, true, false)]
    [InlineData(3, 3, false, false, true, true)]
    [InlineData(4, 3, false, true, false, true)]
    public void Comparisons_OrderAmountsByTheirPence(long a, long b, bool lt, bool gt, bool le, bool ge)
    {
        var (x, y) = (new Money(a), new Money(b));
        bool[] actual = [x < y, x > y, x <= y, x >= y];
        Assert.Equal([lt, gt, le, ge], actual);
        Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(x.CompareTo(y)));
    }

    [Fact]
    public void Zero_IsWrittenWithoutAMinusSign() =>
        Assert.Equal("£0.00", Money.Zero.ToString());

    [Property(MaxTest = 500)]
    public Property AddingThenSubtracting_GivesBackTheAmount_AndNegatingTwiceIsTheSame(int a, int b)
    {
        var (x, y) = (new Money(a), new Money(b));
        return (x + y - y == x && -(-x) == x && (x + y).Pence == (long)a + b).ToProperty();
    }
}
