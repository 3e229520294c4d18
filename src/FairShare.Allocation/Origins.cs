namespace FairShare.Allocation;

/// <summary>
/// Where each operating department's charge started. A support department's outgoing pound is taken to
/// be a mix of the origins of everything that went through it, in proportion (the assumption behind every
/// allocation method). With z⁽ᵒ⁾ the flow of origin o's own cost through the support departments,
/// z⁽ᵒ⁾ = c_o·e_o + Wᵀz⁽ᵒ⁾, where W holds each support department's share of its passed-on amount to
/// each other support department. Origins are computed in double, then rounded to whole pence so that
/// they add up exactly to each receiver's received amount and to each origin's direct cost.
/// </summary>
public static class Origins
{
    /// <summary>
    /// The origins of every operating department. Each receiver's row is rounded by largest remainder;
    /// then single pennies move between origins within a receiver, where that receiver really has both
    /// origins, until every origin adds up to its direct cost.
    /// </summary>
    public static IReadOnlyList<OriginAmount> ForAll(AllocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var flows = OriginFlows.Of(result);
        var network = result.Network;
        var origins = flows.Origins;
        var rows = Enumerable.Range(0, network.Departments.Length)
            .Where(d => !network.IsSupport(d) && result.ReceivedPence[d] > 0)
            .ToArray();
        var rowOf = new int[network.Departments.Length];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < rows.Length; r++)
        {
            rowOf[rows[r]] = r;
        }

        var matrix = new double[rows.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            matrix[r] = new double[origins.Length];
        }

        // Each operating edge carries (its pence / its provider's passed-on amount) of whatever passes through the provider.
        var edges = new List<(int Row, int From, double Weight)>();
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var row = rowOf[network.EdgeTo[e]];
            var from = network.EdgeFrom[e];
            if (row >= 0 && result.Pence[e] != 0)
            {
                edges.Add((row, from, result.Pence[e] / flows.PassedOn[from]));
            }
        }

        for (var k = 0; k < origins.Length; k++)
        {
            var through = flows.FlowOfOrigin(origins[k]);
            foreach (var (row, from, weight) in edges)
            {
                matrix[row][k] += weight * through[from];
            }
        }

        var rounded = MarginRounding.Round(
            matrix,
            [.. rows.Select(d => result.ReceivedPence[d])],
            [.. origins.Select(s => (long)network.CostPence[network.Supports[s]])]);
        var list = new List<(int Row, int Column, OriginAmount Amount)>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var k = 0; k < origins.Length; k++)
            {
                if (rounded[r][k] != 0)
                {
                    var origin = network.Supports[origins[k]];
                    list.Add((network.FilePosition[rows[r]], network.FilePosition[origin], new OriginAmount(network.Id(rows[r]), network.Id(origin), rounded[r][k] / 100m)));
                }
            }
        }

        return [.. list.OrderBy(x => x.Row).ThenBy(x => x.Column).Select(x => x.Amount)];
    }

    /// <summary>
    /// The origins of one receiver, by one sparse solve (the adjoint system), rounded by largest remainder
    /// to add up to its received amount. Fast; may differ by a penny per origin from <see cref="ForAll"/>,
    /// which must also balance every origin across all receivers.
    /// </summary>
    public static IReadOnlyList<OriginAmount> ForReceiver(AllocationResult result, string receiver)
    {
        ArgumentNullException.ThrowIfNull(result);
        var network = result.Network;
        var j = Receiver(result, receiver);
        var flows = OriginFlows.Of(result);
        var weights = flows.ReachOfReceiver(j);
        var origins = flows.Origins;
        var exact = origins.Select(s => Math.Max(0, (double)network.CostPence[network.Supports[s]] * weights[s])).ToArray();
        var rounded = MarginRounding.RoundRow(exact, result.ReceivedPence[j]);
        var list = new List<(int Position, OriginAmount Amount)>();
        for (var k = 0; k < origins.Length; k++)
        {
            if (rounded[k] != 0)
            {
                var origin = network.Supports[origins[k]];
                list.Add((network.FilePosition[origin], new OriginAmount(network.Id(j), network.Id(origin), rounded[k] / 100m)));
            }
        }

        return [.. list.OrderBy(x => x.Position).Select(x => x.Amount)];
    }

    /// <summary>
    /// One receiver's story: who charged it, and for each charge which departments' own costs it
    /// carried. Origins per receiver are taken from <paramref name="origins"/> (the all-receiver table, or
    /// just this receiver's rows of it) when given, so the story matches it; otherwise from <see cref="ForReceiver"/>.
    /// </summary>
    public static Explanation Explain(AllocationResult result, string receiver, IReadOnlyList<OriginAmount>? origins = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var network = result.Network;
        var j = Receiver(result, receiver);
        var mine = (origins ?? ForReceiver(result, receiver)).Where(o => o.Receiver == receiver).ToList();
        var flows = OriginFlows.Of(result);
        var originIndex = flows.Origins;
        var column = new Dictionary<int, int>();
        for (var k = 0; k < originIndex.Length; k++)
        {
            column[originIndex[k]] = k;
        }

        var chargers = new List<(int Support, long Pence)>();
        foreach (var e in flows.EdgesInto(j))
        {
            if (result.Pence[e] != 0)
            {
                chargers.Add((network.EdgeFrom[e], result.Pence[e]));
            }
        }

        var matrix = new double[chargers.Count][];
        for (var r = 0; r < chargers.Count; r++)
        {
            var (support, pence) = chargers[r];
            var reach = flows.ReachOfSupport(support);
            matrix[r] = new double[originIndex.Length];
            for (var k = 0; k < originIndex.Length; k++)
            {
                var o = originIndex[k];
                matrix[r][k] = pence * (double)network.CostPence[network.Supports[o]] * reach[o] / flows.PassedOn[support];
            }
        }

        var targets = new long[originIndex.Length];
        foreach (var o in mine)
        {
            targets[column[network.SupportOf[network.IndexOf[o.Origin]]]] = (long)(o.Amount * 100m);
        }

        var rounded = MarginRounding.Round(matrix, [.. chargers.Select(c => c.Pence)], targets);
        var paths = new List<(int Origin, int Via, ExplanationPath Path)>();
        for (var r = 0; r < chargers.Count; r++)
        {
            for (var k = 0; k < originIndex.Length; k++)
            {
                if (rounded[r][k] != 0)
                {
                    var origin = network.Supports[originIndex[k]];
                    var via = network.Supports[chargers[r].Support];
                    paths.Add((network.FilePosition[origin], network.FilePosition[via], new ExplanationPath(network.Id(origin), network.Id(via), rounded[r][k] / 100m)));
                }
            }
        }

        var charges = chargers
            .Select(c => (Position: network.FilePosition[network.Supports[c.Support]], Charge: new ExplanationCharge(network.Id(network.Supports[c.Support]), c.Pence / 100m)))
            .OrderBy(c => c.Position)
            .Select(c => c.Charge)
            .ToList();
        // Only the names this story mentions: the model may have thousands of departments, and a run explains every receiver.
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [network.Id(j)] = network.Departments[j].Name };
        foreach (var path in paths)
        {
            names.TryAdd(path.Path.Origin, network.Departments[network.IndexOf[path.Path.Origin]].Name);
            names.TryAdd(path.Path.Via, network.Departments[network.IndexOf[path.Path.Via]].Name);
        }
        foreach (var charge in charges)
        {
            names.TryAdd(charge.From, network.Departments[network.IndexOf[charge.From]].Name);
        }
        foreach (var origin in mine)
        {
            names.TryAdd(origin.Origin, network.Departments[network.IndexOf[origin.Origin]].Name);
        }
        return new Explanation(
            network.Id(j),
            result.Method,
            result.Currency,
            result.ReceivedPence[j] / 100m,
            charges,
            mine,
            [.. paths.OrderBy(p => p.Origin).ThenBy(p => p.Origin == p.Via ? -1 : p.Via).Select(p => p.Path)],
            names);
    }

    private static int Receiver(AllocationResult result, string receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!result.Network.IndexOf.TryGetValue(receiver, out var j))
        {
            throw new ArgumentException($"\"{receiver}\" is not a department of the model.", nameof(receiver));
        }

        if (result.Network.IsSupport(j))
        {
            throw new ArgumentException($"\"{receiver}\" is a support department; only operating departments keep what they receive.", nameof(receiver));
        }

        return j;
    }

    /// <summary>The sparse systems behind origins, built from a result's exact flow.</summary>
    private sealed class OriginFlows
    {
        private readonly SparseSystem forward;
        private readonly SparseSystem backward;
        private readonly Network network;
        private readonly long[] pence;

        /// <summary>The systems of a result, built once and kept with it (a result never changes).</summary>
        public static OriginFlows Of(AllocationResult result) =>
            result.OriginFlowsCache as OriginFlows ?? (OriginFlows)(result.OriginFlowsCache = new OriginFlows(result));

        private OriginFlows(AllocationResult result)
        {
            network = result.Network;
            edgesInto = new Lazy<(int[] Start, int[] Edges)>(() => IndexEdgesByReceiver(network));
            pence = result.Pence;
            var supports = network.Supports.Length;
            PassedOn = new double[supports];
            for (var e = 0; e < network.EdgeCount; e++)
            {
                PassedOn[network.EdgeFrom[e]] += (double)result.Flow[e];
            }

            var incoming = new List<(int Row, int Column, double Weight)>();
            var outgoing = new List<(int Row, int Column, double Weight)>();
            for (var e = 0; e < network.EdgeCount; e++)
            {
                var to = network.SupportOf[network.EdgeTo[e]];
                var from = network.EdgeFrom[e];
                if (to >= 0 && result.Flow[e] != 0)
                {
                    var share = (double)result.Flow[e] / PassedOn[from];
                    incoming.Add((to, from, share));
                    outgoing.Add((from, to, share));
                }
            }

            forward = SparseSystem.FromTriples(supports, incoming);
            backward = SparseSystem.FromTriples(supports, outgoing);
            Origins = [.. Enumerable.Range(0, supports).Where(s => network.CostPence[network.Supports[s]] > 0)];
        }

        /// <summary>Support departments with a direct cost, in canonical order.</summary>
        public int[] Origins { get; }

        public double[] PassedOn { get; }

        /// <summary>How much of origin <paramref name="support"/>'s own cost passes through each support department.</summary>
        public double[] FlowOfOrigin(int support)
        {
            var b = new double[network.Supports.Length];
            b[support] = (double)network.CostPence[network.Supports[support]];
            return forward.Solve(b, 1e-14);
        }

        /// <summary>For each support department, the fraction of its own cost that reaches operating department <paramref name="receiver"/> (rounded transfers).</summary>
        public double[] ReachOfReceiver(int receiver)
        {
            var g = new double[network.Supports.Length];
            foreach (var e in EdgesInto(receiver))
            {
                var from = network.EdgeFrom[e];
                if (PassedOn[from] != 0)
                {
                    g[from] += pence[e] / PassedOn[from];
                }
            }

            return backward.Solve(g, 1e-14);
        }

        private readonly Dictionary<int, double[]> reachOfSupport = [];
        private readonly Lazy<(int[] Start, int[] Edges)> edgesInto;

        /// <summary>The edges into a department, indexed once (explaining every receiver would scan every edge each time).</summary>
        public ReadOnlySpan<int> EdgesInto(int department)
        {
            var (start, edges) = edgesInto.Value;
            return edges.AsSpan(start[department], start[department + 1] - start[department]);
        }

        /// <summary>Edges grouped by receiver, in edge order within each (a counting sort: two passes, no comparisons).</summary>
        private static (int[] Start, int[] Edges) IndexEdgesByReceiver(Network network)
        {
            var start = new int[network.Departments.Length + 1];
            for (var e = 0; e < network.EdgeCount; e++)
            {
                start[network.EdgeTo[e] + 1]++;
            }

            for (var d = 0; d < network.Departments.Length; d++)
            {
                start[d + 1] += start[d];
            }

            var fill = (int[])start.Clone();
            var edges = new int[network.EdgeCount];
            for (var e = 0; e < network.EdgeCount; e++)
            {
                edges[fill[network.EdgeTo[e]]++] = e;
            }

            return (start, edges);
        }

        /// <summary>
        /// For each origin, the fraction of its own cost that passes through support department
        /// <paramref name="support"/>; solved once per support department and kept, since explaining every
        /// receiver asks for the same few hundred again and again.
        /// </summary>
        public double[] ReachOfSupport(int support)
        {
            lock (reachOfSupport)
            {
                if (!reachOfSupport.TryGetValue(support, out var reach))
                {
                    var e = new double[network.Supports.Length];
                    e[support] = 1;
                    reachOfSupport[support] = reach = backward.Solve(e, 1e-14);
                }
                return reach;
            }
        }
    }
}
