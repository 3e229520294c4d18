using System.Numerics;

namespace FairShare.Allocation.Tests;

public class PennyRoundingTests
{
    [Fact]
    public void Split_MatchesBigIntegerArithmetic_AtEveryScale()
    {
        // floor and the fraction in 10⁻¹⁸ units (truncated), with fractions within 10⁻⁹ of whole snapped.
        const long unit = 1_000_000_000_000_000_000;
        var random = new Random(20261125);
        for (var k = 0; k < 20_000; k++)
        {
            var scale = (byte)(k % 29);
            var value = new decimal(random.Next(), random.Next(), scale >= 10 ? random.Next(0, 1 << 22) : 0, false, scale);
            var mantissa = DecimalMantissa(value);
            var power = BigInteger.Pow(10, scale);
            var whole = BigInteger.DivRem(mantissa, power, out var rest);
            var fraction = (long)(rest * unit / power);
            if (fraction > unit - 1_000_000_000)
            {
                (whole, fraction) = (whole + 1, 0);
            }
            else if (fraction < 1_000_000_000)
            {
                fraction = 0;
            }

            Assert.Equal(((long)whole, fraction), PennyRounding.Split(value));
        }
    }

    private static BigInteger DecimalMantissa(decimal value)
    {
        var bits = decimal.GetBits(value);
        return ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
    }

    [Fact]
    public void LargestRemainder_OnePennyThreeWays_GoesToTheFirstReceiverInIdOrder()
    {
        var third = 1m / 3m;
        Assert.Equal([1L, 0L, 0L], PennyRounding.LargestRemainder([third, third, third], 1));
        Assert.Equal([1L, 1L, 0L], PennyRounding.LargestRemainder([third * 2, third * 2, third * 2], 2));
    }

    [Fact]
    public void LargestRemainder_LargestFractionWinsBeforeOrder()
    {
        Assert.Equal([10L, 21L, 5L], PennyRounding.LargestRemainder([10.2m, 20.7m, 5.1m], 36));
    }

    [Fact]
    public void LargestRemainder_EqualFractions_GoToTheLargerAmountFirst()
    {
        Assert.Equal([1L, 3L], PennyRounding.LargestRemainder([0.5m, 2.5m], 4));
    }

    [Fact]
    public void RoundFlow_TwoNodeCycleWithFractions_KeepsBothBalancesAndStaysWithinAPenny()
    {
        // nodes 0 and 1 pass fractions to each other and to the free node 2; each has a whole balance
        int[] from = [0, 1, 0, 1];
        int[] to = [1, 0, 2, 2];
        decimal[] values = [0.3m, 0.6m, 1.3m, 2.7m];
        var rounded = PennyRounding.RoundFlow(3, from, to, values);
        Assert.Equal(values[0] + values[2] - values[1], rounded[0] + rounded[2] - rounded[1]);
        Assert.Equal(values[1] + values[3] - values[0], rounded[1] + rounded[3] - rounded[0]);
        for (var e = 0; e < values.Length; e++)
        {
            Assert.True(Math.Abs(rounded[e] - values[e]) < 1);
        }
    }

    [Fact]
    public void Reciprocal_ThreeNodeCycle_ConservesEveryPenny()
    {
        // 1p goes round a ring of three departments; each keeps two thirds for the ring and a third for housing.
        var model = new AllocationModel(
            "GBP",
            [
                new Department("A", "A", DepartmentKind.Support, 0.01m),
                new Department("B", "B", DepartmentKind.Support, 0.01m),
                new Department("C", "C", DepartmentKind.Support, 0.01m),
                new Department("HOUSING", "Housing", DepartmentKind.Operating, 0m),
                new Department("WASTE", "Waste", DepartmentKind.Operating, 0m),
            ],
            [
                new UsageLine(1, "A", "B", 2), new UsageLine(2, "A", "HOUSING", 1),
                new UsageLine(3, "B", "C", 2), new UsageLine(4, "B", "WASTE", 1),
                new UsageLine(5, "C", "A", 2), new UsageLine(6, "C", "HOUSING", 1),
            ]);
        var result = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
        Invariants.Hold(model, result);
        Assert.Equal(0.03m, result.Departments.Where(d => d.Kind == DepartmentKind.Operating).Sum(d => d.Received));
        // each support department passes on exactly 3p (its 1p plus 2p received round the ring)
        Assert.All(result.Departments.Where(d => d.Kind == DepartmentKind.Support), d => Assert.Equal(0.03m, d.PassedOn));
        Invariants.OriginsHold(model, result, Origins.ForAll(result));
    }
}

public class PennyRoundingPathTests
{
    [Fact]
    public void PennyRounding_RandomModels_ExerciseBothTheNearestPennyWayAndCycleCancelling()
    {
        var nearest = 0;
        var cycles = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var model = new RandomModel(seed).Model;
            var network = new Network(model);
            var flow = new decimal[network.EdgeCount];
            Methods.Reciprocal(network, flow);
            var pence = PennyRounding.Round(network, flow, out var cycleCancelling);
            Invariants.Hold(model, new AllocationResult(AllocationMethod.Reciprocal, network, flow, pence, null, null));
            if (cycleCancelling)
            {
                cycles++;
            }
            else
            {
                nearest++;
            }
        }

        Assert.True(nearest > 20, $"nearest-penny way used {nearest} times");
        Assert.True(cycles > 20, $"cycle cancelling used {cycles} times");
    }
}
