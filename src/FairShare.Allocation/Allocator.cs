namespace FairShare.Allocation;

public enum AllocationMethod
{
    Direct,
    StepDown,
    Reciprocal,
    RepeatedDistribution,
}

/// <summary>Options for <see cref="Allocator.Allocate"/>. Tolerance and iterations matter only to repeated distribution.</summary>
public sealed record AllocationOptions(AllocationMethod Method)
{
    /// <summary>Stop repeating when the cost still sitting in support departments is at most this (currency units).</summary>
    public decimal Tolerance { get; init; } = 0.01m;

    public int MaxIterations { get; init; } = 1000;
}

/// <summary>The outcome of an allocation: a result, or the problems that prevent one.</summary>
public sealed class AllocationOutcome
{
    internal AllocationOutcome(AllocationResult? result, IReadOnlyList<ModelProblem> problems)
    {
        Result = result;
        Problems = problems;
    }

    public AllocationResult? Result { get; }

    public IReadOnlyList<ModelProblem> Problems { get; }

    public bool Succeeded => Result is not null;
}

/// <summary>
/// Allocates support departments' costs to operating departments by one of four methods, then rounds
/// to whole pence with <see cref="PennyRounding"/>. Pure: the same model gives the same result, whatever
/// the order of its departments and usage lines.
/// </summary>
public static class Allocator
{
    public static AllocationOutcome Allocate(AllocationModel model, AllocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tolerance < 0)
        {
            throw new ArgumentException("Tolerance cannot be negative.", nameof(options));
        }

        if (options.MaxIterations < 1)
        {
            throw new ArgumentException("At least one iteration is needed.", nameof(options));
        }

        var problems = ModelValidation.Validate(model, skipGraphChecks: false, out var built);
        if (problems.Count > 0)
        {
            return new AllocationOutcome(null, problems);
        }

        var network = built ?? new Network(model);
        var flow = new decimal[network.EdgeCount];
        int? iterations = null;
        decimal? residual = null;
        List<ModelProblem> methodProblems;
        switch (options.Method)
        {
            case AllocationMethod.Direct:
                methodProblems = Methods.Direct(network, flow);
                break;
            case AllocationMethod.StepDown:
                methodProblems = Methods.StepDown(network, Methods.StepDownOrder(network, model.StepDownOrder), flow);
                break;
            case AllocationMethod.Reciprocal:
                Methods.Reciprocal(network, flow);
                methodProblems = [];
                break;
            case AllocationMethod.RepeatedDistribution:
                var (count, left) = Methods.RepeatedDistribution(
                    network, Methods.StepDownOrder(network, model.StepDownOrder), options.Tolerance * 100m, options.MaxIterations, flow);
                iterations = count;
                residual = left / 100m;
                methodProblems = [];
                break;
            default:
                throw new ArgumentException($"Unknown method {options.Method}.", nameof(options));
        }

        if (methodProblems.Count > 0)
        {
            return new AllocationOutcome(null, methodProblems);
        }

        var pence = PennyRounding.Round(network, flow);
        return new AllocationOutcome(new AllocationResult(options.Method, network, flow, pence, iterations, residual), []);
    }

    /// <summary>The default step-down order for a model (see <see cref="Methods.StepDownOrder"/>).</summary>
    public static IReadOnlyList<string> DefaultStepDownOrder(AllocationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var network = new Network(model);
        return [.. Methods.StepDownOrder(network, null).Select(s => network.Id(network.Supports[s]))];
    }
}
