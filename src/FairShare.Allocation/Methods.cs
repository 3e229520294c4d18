namespace FairShare.Allocation;

/// <summary>
/// The four methods, each filling an exact flow (pence, per network edge). Shares are a provider's
/// quantity to a receiver over its total quantity to the receivers the method counts.
/// </summary>
internal static class Methods
{
    /// <summary>Direct: each support department's own cost goes to its operating receivers only.</summary>
    public static List<ModelProblem> Direct(Network network, decimal[] flow)
    {
        var problems = new List<ModelProblem>();
        for (var s = 0; s < network.Supports.Length; s++)
        {
            var cost = network.CostPence[network.Supports[s]];
            var total = 0m;
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                if (!network.IsSupport(network.EdgeTo[e]))
                {
                    total += network.EdgeQuantity[e];
                }
            }

            if (cost == 0)
            {
                continue;
            }

            if (total == 0)
            {
                var id = network.Id(network.Supports[s]);
                problems.Add(new ModelProblem(
                    ProblemKind.MethodCannotAllocate,
                    $"The direct method cannot allocate {id}: it serves no operating department directly. Use step-down or reciprocal.",
                    [id],
                    []));
                continue;
            }

            Spread(network, s, cost, total, flow, e => !network.IsSupport(network.EdgeTo[e]));
        }

        return problems;
    }

    /// <summary>
    /// Step-down: support departments close in order; each passes its own cost plus what it received to
    /// the departments not yet closed (operating ones and later support ones), never back.
    /// </summary>
    public static List<ModelProblem> StepDown(Network network, int[] order, decimal[] flow)
    {
        var problems = new List<ModelProblem>();
        var closed = new bool[network.Departments.Length];
        var received = new decimal[network.Departments.Length];
        foreach (var s in order)
        {
            var department = network.Supports[s];
            closed[department] = true;
            var amount = network.CostPence[department] + received[department];
            var total = 0m;
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                if (!closed[network.EdgeTo[e]])
                {
                    total += network.EdgeQuantity[e];
                }
            }

            if (amount == 0)
            {
                continue;
            }

            if (total == 0)
            {
                var id = network.Id(department);
                problems.Add(new ModelProblem(
                    ProblemKind.MethodCannotAllocate,
                    $"The step-down method cannot allocate {id}: every department it serves has already closed in the order. Change stepDownOrder or use reciprocal.",
                    [id],
                    []));
                continue;
            }

            Spread(network, s, amount, total, flow, e => !closed[network.EdgeTo[e]]);
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                received[network.EdgeTo[e]] += flow[e];
            }
        }

        return problems;
    }

    /// <summary>
    /// Reciprocal: solve x = c + Aᵀx for every support department's complete (reciprocated) cost x, where
    /// A holds support-to-support shares, then each department gets its share of each x.
    /// </summary>
    public static void Reciprocal(Network network, decimal[] flow)
    {
        var supports = network.Supports.Length;
        var totals = Totals(network);
        var triples = new List<(int Row, int Column, decimal Quantity)>();
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var to = network.SupportOf[network.EdgeTo[e]];
            if (to >= 0)
            {
                triples.Add((to, network.EdgeFrom[e], network.EdgeQuantity[e]));
            }
        }

        var system = SparseSystem.FromShares(supports, triples, totals);
        var costs = new decimal[supports];
        for (var s = 0; s < supports; s++)
        {
            costs[s] = network.CostPence[network.Supports[s]];
        }

        var complete = system.SolveDecimal(costs);
        for (var s = 0; s < supports; s++)
        {
            if (complete[s] != 0)
            {
                Spread(network, s, complete[s], totals[s], flow, include: null);
            }
        }
    }

    /// <summary>
    /// Repeated distribution: in rounds, each support department in step-down order passes on what it
    /// holds to all its receivers. Stops when at most <paramref name="tolerance"/> (pence) is left in
    /// support departments, or after <paramref name="maxIterations"/> rounds. What is left then (the
    /// residual) is closed off as textbooks do: to operating receivers only, or, for a department with
    /// none, onwards until it reaches one.
    /// </summary>
    public static (int Iterations, decimal Residual) RepeatedDistribution(
        Network network, int[] order, decimal tolerance, int maxIterations, decimal[] flow)
    {
        var totals = Totals(network);
        var operatingTotals = new decimal[network.Supports.Length];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (!network.IsSupport(network.EdgeTo[e]))
            {
                operatingTotals[network.EdgeFrom[e]] += network.EdgeQuantity[e];
            }
        }

        var balance = new decimal[network.Supports.Length];
        for (var s = 0; s < balance.Length; s++)
        {
            balance[s] = network.CostPence[network.Supports[s]];
        }

        var iterations = 0;
        var remaining = balance.Sum();
        while (remaining > tolerance && iterations < maxIterations)
        {
            iterations++;
            foreach (var s in order)
            {
                if (balance[s] != 0)
                {
                    Pass(s, totals[s], all: true);
                }
            }

            remaining = balance.Sum();
        }

        var residual = remaining;
        for (var round = 0; round < 100_000 && balance.Any(b => b != 0); round++)
        {
            foreach (var s in order)
            {
                if (balance[s] != 0)
                {
                    var toOperating = operatingTotals[s] > 0;
                    Pass(s, toOperating ? operatingTotals[s] : totals[s], all: !toOperating);
                }
            }
        }

        return (iterations, residual);

        void Pass(int s, decimal total, bool all)
        {
            var amount = balance[s];
            balance[s] = 0;
            var rate = amount / total;
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                var to = network.SupportOf[network.EdgeTo[e]];
                if (!all && to >= 0)
                {
                    continue;
                }

                var part = rate * network.EdgeQuantity[e];
                flow[e] += part;
                if (to >= 0)
                {
                    balance[to] += part;
                }
            }
        }
    }

    /// <summary>
    /// The step-down order: the model's own, or by default the support department that serves other
    /// support departments most goes first. "Most" is the share of its service (quantity, self-use
    /// excluded) that goes to other support departments; ties go to the one serving more other support
    /// departments, then to the larger direct cost, then to the id that sorts first (ordinal).
    /// </summary>
    public static int[] StepDownOrder(Network network, IReadOnlyList<string>? given)
    {
        if (given is not null)
        {
            return [.. given.Select(id => network.SupportOf[network.IndexOf[id]])];
        }

        var supports = network.Supports.Length;
        var ratio = new decimal[supports];
        var served = new int[supports];
        for (var s = 0; s < supports; s++)
        {
            var total = 0m;
            var toSupport = 0m;
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                total += network.EdgeQuantity[e];
                if (network.IsSupport(network.EdgeTo[e]))
                {
                    toSupport += network.EdgeQuantity[e];
                    served[s]++;
                }
            }

            ratio[s] = total == 0 ? 0 : toSupport / total;
        }

        return [.. Enumerable.Range(0, supports)
            .OrderByDescending(s => ratio[s])
            .ThenByDescending(s => served[s])
            .ThenByDescending(s => network.CostPence[network.Supports[s]])
            .ThenBy(s => s)];
    }

    private static decimal[] Totals(Network network)
    {
        var totals = new decimal[network.Supports.Length];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            totals[network.EdgeFrom[e]] += network.EdgeQuantity[e];
        }

        return totals;
    }

    /// <summary>
    /// Shares <paramref name="amount"/> over the edges of <paramref name="support"/> that <paramref name="include"/>
    /// chooses (all of them when null). One rate per provider, so equal quantities always get identical amounts
    /// (and tie exactly in rounding). Each method spreads a provider once, so each edge's flow is set, not added to.
    /// </summary>
    private static void Spread(Network network, int support, decimal amount, decimal total, decimal[] flow, Func<int, bool>? include)
    {
        var rate = amount / total;
        for (var e = network.EdgeStart[support]; e < network.EdgeStart[support + 1]; e++)
        {
            if (include is null || include(e))
            {
                flow[e] = rate * network.EdgeQuantity[e];
            }
        }
    }
}
