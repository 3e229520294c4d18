using FsCheck.Xunit;

namespace FairShare.Allocation.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class AllocationPropertyTests
{
    private static readonly AllocationMethod[] AllMethods =
        [AllocationMethod.Direct, AllocationMethod.StepDown, AllocationMethod.Reciprocal, AllocationMethod.RepeatedDistribution];

    [Property(MaxTest = 2000)]
    public void EveryMethod_RandomModelsWithCycles_KeepsEveryPennyAndEndsSupportAtZero(RandomModel random)
    {
        foreach (var method in AllMethods)
        {
            var outcome = Allocator.Allocate(random.Model, new AllocationOptions(method));
            if (!outcome.Succeeded)
            {
                // Only the textbook limits of direct and step-down may refuse a valid model.
                Assert.Contains(method, new[] { AllocationMethod.Direct, AllocationMethod.StepDown });
                Assert.All(outcome.Problems, p => Assert.Equal(ProblemKind.MethodCannotAllocate, p.Kind));
                continue;
            }

            Invariants.Hold(random.Model, outcome.Result!);
        }
    }

    [Property(MaxTest = 1000)]
    public void Reciprocal_RandomModels_MatchesTheExactRationalReferenceBeforeAndAfterRounding(RandomModel random)
    {
        var result = Allocate(random.Model, AllocationMethod.Reciprocal);
        var exact = ExactReference.Transfers(random.Model, AllocationMethod.Reciprocal);
        AssertMatchesReference(random.Model, result, exact);
    }

    [Property(MaxTest = 500)]
    public void DirectAndStepDown_RandomModels_MatchTheExactRationalReference(RandomModel random)
    {
        var direct = Allocator.Allocate(random.Model, new AllocationOptions(AllocationMethod.Direct));
        if (direct.Succeeded)
        {
            AssertMatchesReference(random.Model, direct.Result!, ExactReference.Transfers(random.Model, AllocationMethod.Direct));
        }

        var stepDown = Allocator.Allocate(random.Model, new AllocationOptions(AllocationMethod.StepDown));
        if (stepDown.Succeeded)
        {
            var order = Allocator.DefaultStepDownOrder(random.Model);
            AssertMatchesReference(random.Model, stepDown.Result!, ExactReference.Transfers(random.Model, AllocationMethod.StepDown, order));
        }
    }

    [Property(MaxTest = 500)]
    public void EveryMethod_ShuffledDepartmentsAndUsageLines_GivesTheSameResult(RandomModel random)
    {
        var shuffled = Shuffle.Of(random.Model, random.Seed);
        foreach (var method in AllMethods)
        {
            var a = Allocator.Allocate(random.Model, new AllocationOptions(method));
            var b = Allocator.Allocate(shuffled, new AllocationOptions(method));
            Assert.Equal(a.Succeeded, b.Succeeded);
            if (!a.Succeeded)
            {
                continue;
            }

            Assert.Equal(
                a.Result!.Departments.OrderBy(d => d.Id, StringComparer.Ordinal),
                b.Result!.Departments.OrderBy(d => d.Id, StringComparer.Ordinal));
            Assert.Equal(
                a.Result.Transfers.Select(t => (t.From, t.To, t.Amount)).Order(),
                b.Result.Transfers.Select(t => (t.From, t.To, t.Amount)).Order());
            Assert.Equal(a.Result.Iterations, b.Result.Iterations);
            if (method == AllocationMethod.Reciprocal)
            {
                Assert.Equal(
                    Origins.ForAll(a.Result).Select(o => (o.Receiver, o.Origin, o.Amount)).Order(),
                    Origins.ForAll(b.Result).Select(o => (o.Receiver, o.Origin, o.Amount)).Order());
            }
        }
    }

    [Property(MaxTest = 600)]
    public void Origins_RandomModels_AddUpToEachReceiverAndToEachOriginsDirectCost(RandomModel random)
    {
        foreach (var method in new[] { AllocationMethod.Reciprocal, AllocationMethod.StepDown, AllocationMethod.RepeatedDistribution })
        {
            var outcome = Allocator.Allocate(random.Model, new AllocationOptions(method));
            if (!outcome.Succeeded)
            {
                continue;
            }

            var result = outcome.Result!;
            var all = Origins.ForAll(result);
            Invariants.OriginsHold(random.Model, result, all);
            foreach (var receiver in result.Departments.Where(d => d.Kind == DepartmentKind.Operating))
            {
                var one = Origins.ForReceiver(result, receiver.Id);
                Assert.Equal(receiver.Received, one.Sum(o => o.Amount));
                Assert.All(one, o => Assert.True(o.Amount > 0));
            }
        }
    }

    [Property(MaxTest = 300)]
    public void Explanation_RandomModels_PathsAddUpToEachChargeAndEachOrigin(RandomModel random)
    {
        var result = Allocate(random.Model, AllocationMethod.Reciprocal);
        var all = Origins.ForAll(result);
        foreach (var receiver in result.Departments.Where(d => d.Kind == DepartmentKind.Operating))
        {
            var story = Origins.Explain(result, receiver.Id, all);
            Assert.Equal(receiver.Received, story.Received);
            foreach (var charge in story.Charges)
            {
                Assert.Equal(charge.Amount, story.Paths.Where(p => p.Via == charge.From).Sum(p => p.Amount));
                Assert.Equal(result.Transfers.Single(t => t.From == charge.From && t.To == receiver.Id).Amount, charge.Amount);
            }

            foreach (var origin in all.Where(o => o.Receiver == receiver.Id))
            {
                Assert.Equal(origin.Amount, story.Paths.Where(p => p.Origin == origin.Origin).Sum(p => p.Amount));
            }

            Assert.Equal(story.Paths.Count, story.ToText().Split('\n').Count(line => line.Contains("of your charge is", StringComparison.Ordinal)) - story.Origins.Count);
        }
    }

    [Property(MaxTest = 200)]
    public void RepeatedDistribution_ShrinkingTolerance_ConvergesToTheExactReciprocalResult(RandomModel random)
    {
        var exact = ExactReference.Transfers(random.Model, AllocationMethod.Reciprocal);
        var reciprocal = Allocate(random.Model, AllocationMethod.Reciprocal);
        var previousError = decimal.MaxValue;
        var errorAtOnePound = 0m;
        var previousTolerance = decimal.MaxValue;
        const int MaxIterations = 100_000;
        foreach (var tolerance in new[] { 100m, 1m, 0.01m, 0.0001m, 0.000001m })
        {
            var result = Allocator.Allocate(random.Model, new AllocationOptions(AllocationMethod.RepeatedDistribution) { Tolerance = tolerance, MaxIterations = MaxIterations }).Result!;
            if (result.Iterations == MaxIterations && result.Residual > tolerance)
            {
                // A nearly closed loop (say 406/407 of a department's service going round) can need more
                // rounds than the cap; the method then stops there and says how much is left, as it must.
                // What is left still shrinks: below the tolerance the previous, shorter run reached.
                Assert.True(tolerance < 1m, $"capped at {MaxIterations} rounds already at a tolerance of {tolerance}");
                Assert.True(result.Residual <= previousTolerance, $"residual {result.Residual} above the previous tolerance {previousTolerance}");
                return;
            }

            Assert.True(result.Residual <= tolerance, $"residual {result.Residual} above tolerance {tolerance}");
            Assert.True(result.Iterations >= 0);
            var error = exact
                .Select(p => (Rational.FromDecimal(result.Transfers.SingleOrDefault(t => t.From == p.Key.From && t.To == p.Key.To)?.ExactAmount ?? 0m) - p.Value).Abs())
                .DefaultIfEmpty(Rational.Zero)
                .Max()
                .ToDecimal();
            Assert.True(error <= previousError + 0.000001m, $"error {error} grew from {previousError} at tolerance {tolerance}");
            previousError = error;
            previousTolerance = tolerance;
            if (tolerance == 1m)
            {
                errorAtOnePound = error;
            }
        }

        // A million times smaller tolerance: at least a thousand times closer (the rest is the loops'
        // amplification), unless it is already within that smallest tolerance.
        Assert.True(previousError <= Math.Max(errorAtOnePound / 1000m, 0.000001m), $"still {previousError} away at the smallest tolerance (was {errorAtOnePound})");
        // Near convergence the exact amounts agree to well below a penny, so each rounded receipt is
        // within a penny per transfer of the reciprocal one (pennies may fall differently at exact ties).
        var converged = Allocator.Allocate(random.Model, new AllocationOptions(AllocationMethod.RepeatedDistribution) { Tolerance = 0.000000000001m, MaxIterations = 1_000_000 }).Result!;
        foreach (var t in converged.Transfers)
        {
            var reference = exact.TryGetValue((t.From, t.To), out var value) ? value : Rational.Zero;
            Assert.True((Rational.FromDecimal(t.ExactAmount) - reference).Abs() < Rational.FromDecimal(0.00000001m), $"{t.From}→{t.To}: {t.ExactAmount} vs {reference.ToDecimal()}");
        }

        foreach (var (a, b) in reciprocal.Departments.Zip(converged.Departments))
        {
            Assert.True(Math.Abs(a.Received - b.Received) <= 0.01m * Math.Max(1, converged.Transfers.Count(t => t.To == a.Id)), $"{a.Id}: {a.Received} vs {b.Received}");
        }
    }

    private static AllocationResult Allocate(AllocationModel model, AllocationMethod method)
    {
        var outcome = Allocator.Allocate(model, new AllocationOptions(method));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    /// <summary>
    /// The engine's unrounded amounts equal the reference to well below a millionth of a penny; its
    /// pennies are what the documented rounding rule gives from the exact amounts; each is within a penny.
    /// </summary>
    private static void AssertMatchesReference(AllocationModel model, AllocationResult result, Dictionary<(string From, string To), Rational> exact)
    {
        Assert.Equal(exact.Keys.Order(), result.Transfers.Select(t => (t.From, t.To)).Order());
        foreach (var t in result.Transfers)
        {
            var reference = exact[(t.From, t.To)];
            Assert.True((Rational.FromDecimal(t.ExactAmount) - reference).Abs() < Rational.FromDecimal(0.000000001m), $"{t.From}→{t.To}: {t.ExactAmount} vs {reference.ToDecimal()}");
            Assert.True((Rational.FromDecimal(t.Amount) - reference).Abs() < Rational.FromDecimal(0.01m), $"{t.From}→{t.To}: {t.Amount} not within a penny of {reference.ToDecimal()}");
        }

        var network = new Network(model);
        var flow = new decimal[network.EdgeCount];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var key = (network.Id(network.Supports[network.EdgeFrom[e]]), network.Id(network.EdgeTo[e]));
            flow[e] = exact.TryGetValue(key, out var value) ? (value * Rational.FromDecimal(100m)).ToDecimal() : 0m;
        }

        var pence = PennyRounding.Round(network, flow);
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (flow[e] == 0)
            {
                continue;
            }

            var from = network.Id(network.Supports[network.EdgeFrom[e]]);
            var to = network.Id(network.EdgeTo[e]);
            Assert.Equal(pence[e] / 100m, result.Transfers.Single(t => t.From == from && t.To == to).Amount);
        }
    }
}
