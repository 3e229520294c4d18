namespace FairShare.Allocation;

/// <summary>
/// Turns an exact flow of pence into whole pence without losing or making a penny: every support
/// department's books balance exactly and every amount ends at the floor or the ceiling of its exact value.
/// <para>
/// Stage 1 fixes the support-to-support transfers and each support department's total to operating
/// departments. Usually: each support-to-support transfer to the nearest penny (exactly half a penny goes
/// up), and each department's total to operating departments is what then balances its books. When that
/// total cannot be split within a penny of each operating amount (a department with few operating
/// receivers), stage 1 is done instead as one network flow by cycle cancelling: starting from whole pence,
/// a cycle of still-fractional amounts (ignoring direction) is found, and moved together, forwards or
/// backwards, by the smaller step that makes one of them whole (forwards on a tie), keeping every support
/// department balanced. Cycles are searched in canonical department order.
/// </para>
/// <para>
/// Stage 2 splits each support department's total to operating departments among them by the
/// largest-remainder rule: each gets the floor of its exact amount, and the pennies left go one each to
/// the largest fractional remainders; remainders equal to nine decimal places of a penny are a tie, and
/// ties go to the larger exact amount, then to the receiver whose id sorts first (ordinal).
/// </para>
/// </summary>
internal static class PennyRounding
{
    /// <summary>Fractions closer than this to a whole penny are whole: the solver's error is far smaller.</summary>
    internal const decimal Snap = 0.000000001m;

    /// <summary>Fractions of a penny are held as whole units of 10⁻¹⁸ penny, so cycle cancelling is integer arithmetic.</summary>
    private const long Unit = 1_000_000_000_000_000_000;

    private const long SnapUnits = 1_000_000_000;

    /// <summary>Remainders equal to nine decimal places of a penny are a tie (the solver's error is far below).</summary>
    private const long TieUnit = 1_000_000_000;

    public static long[] Round(Network network, decimal[] flow) => Round(network, flow, out _);

    /// <summary>Rounds, and says whether stage 1 needed the general (cycle-cancelling) way.</summary>
    internal static long[] Round(Network network, decimal[] flow, out bool cycleCancelling)
    {
        cycleCancelling = false;
        var supports = network.Supports.Length;
        var z = supports;
        var edgeFrom = new List<int>();
        var edgeTo = new List<int>();
        var values = new List<decimal>();
        var networkEdge = new List<int>();
        var operatingTotal = new decimal[supports];
        var hasOperating = new bool[supports];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (flow[e] == 0)
            {
                continue;
            }

            var from = network.EdgeFrom[e];
            var toSupport = network.SupportOf[network.EdgeTo[e]];
            if (toSupport >= 0)
            {
                edgeFrom.Add(from);
                edgeTo.Add(toSupport);
                values.Add(flow[e]);
                networkEdge.Add(e);
            }
            else
            {
                operatingTotal[from] += flow[e];
                hasOperating[from] = true;
            }
        }

        var operatingEdge = new int[supports];
        Array.Fill(operatingEdge, -1);
        for (var s = 0; s < supports; s++)
        {
            if (hasOperating[s])
            {
                operatingEdge[s] = values.Count;
                edgeFrom.Add(s);
                edgeTo.Add(z);
                values.Add(operatingTotal[s]);
                networkEdge.Add(-1);
            }
        }

        var pence = new long[network.EdgeCount];
        var target = new long[supports];

        // Fast path: support-to-support transfers to the nearest penny (half a penny up); each support
        // department's total to operating departments is then what balances its books. That total can be
        // split within a penny of every exact amount whenever it lies between the sums of their floors and
        // ceilings, which is the usual case (many operating receivers); otherwise, the general way below.
        var firstOperatingEdge = edgeFrom.Count - operatingEdge.Count(e => e >= 0);
        for (var s = 0; s < supports; s++)
        {
            target[s] = (long)network.CostPence[network.Supports[s]];
        }

        for (var k = 0; k < firstOperatingEdge; k++)
        {
            var (whole, fraction) = Split(values[k]);
            // Half a penny, give or take the solver's error, goes up.
            var amount = fraction >= (Unit / 2) - SnapUnits ? whole + 1 : whole;
            pence[networkEdge[k]] = amount;
            target[edgeFrom[k]] -= amount;
            target[edgeTo[k]] += amount;
        }

        if (!SplitToOperating(network, flow, operatingEdge, target, pence))
        {
            cycleCancelling = true;
            var rounded = RoundFlow(supports + 1, [.. edgeFrom], [.. edgeTo], [.. values]);
            for (var k = 0; k < networkEdge.Count; k++)
            {
                if (networkEdge[k] >= 0)
                {
                    pence[networkEdge[k]] = rounded[k];
                }
            }

            for (var s = 0; s < supports; s++)
            {
                target[s] = operatingEdge[s] >= 0 ? rounded[operatingEdge[s]] : 0;
            }

            if (!SplitToOperating(network, flow, operatingEdge, target, pence))
            {
                throw new InvalidOperationException("Penny rounding could not split a rounded total within a penny of each amount.");
            }
        }

        Verify(network, pence);
        return pence;
    }

    /// <summary>Stage 2 for every support department; false if some total cannot be split within a penny.</summary>
    private static bool SplitToOperating(Network network, decimal[] flow, int[] operatingEdge, long[] target, long[] pence)
    {
        var exact = new List<decimal>();
        var edges = new List<int>();
        for (var s = 0; s < operatingEdge.Length; s++)
        {
            if (operatingEdge[s] < 0)
            {
                if (target[s] != 0)
                {
                    return false;
                }

                continue;
            }

            exact.Clear();
            edges.Clear();
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                if (flow[e] != 0 && !network.IsSupport(network.EdgeTo[e]))
                {
                    exact.Add(flow[e]);
                    edges.Add(e);
                }
            }

            var split = TryLargestRemainder(exact, target[s]);
            if (split is null)
            {
                return false;
            }

            for (var k = 0; k < edges.Count; k++)
            {
                pence[edges[k]] = split[k];
            }
        }

        return true;
    }

    internal static long[] LargestRemainder(IReadOnlyList<decimal> exact, long target) =>
        TryLargestRemainder(exact, target)
        ?? throw new InvalidOperationException($"Largest remainder cannot reach {target} within a penny of each amount.");

    /// <summary>
    /// Largest remainder: floors, then one more penny to each of the largest remainders. Items are given
    /// in receiver order, so on equal remainders and equal amounts the earlier item wins.
    /// </summary>
    internal static long[]? TryLargestRemainder(IReadOnlyList<decimal> exact, long target)
    {
        var n = exact.Count;
        var result = new long[n];
        var fraction = new long[n];
        long sum = 0;
        var count = 0;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            (result[i], fraction[i]) = Split(exact[i]);
            sum += result[i];
            if (fraction[i] > 0)
            {
                order[count++] = i;
            }
        }

        var extra = target - sum;
        if (extra == 0)
        {
            return result;
        }

        if (extra < 0 || extra > count)
        {
            return null;
        }

        // Keys to 9 decimal places of a penny: closer than that is a tie.
        var key = new long[n];
        for (var k = 0; k < count; k++)
        {
            key[order[k]] = (fraction[order[k]] + (TieUnit / 2)) / TieUnit;
        }

        Array.Sort(order, 0, count, Comparer<int>.Create((a, b) =>
        {
            var c = key[b].CompareTo(key[a]);
            if (c == 0)
            {
                c = result[b].CompareTo(result[a]);
            }

            return c != 0 ? c : a.CompareTo(b);
        }));
        for (var k = 0; k < extra; k++)
        {
            result[order[k]]++;
        }

        return result;
    }

    /// <summary>Whole pence and the fraction in units of 10⁻¹⁸ penny, a fraction within <see cref="Snap"/> of whole being whole.</summary>
    private static (long Whole, long Fraction) Split(decimal value)
    {
        long whole;
        long fraction;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            // negative (never a flow; kept for completeness): the plain decimal way
            var floor = decimal.Floor(value);
            whole = (long)floor;
            fraction = (long)((value - floor) * Unit);
        }
        else
        {
            // exact integer arithmetic on the 96-bit mantissa
            var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
            var power = PowersOfTen[scale];
            var w = mantissa / power;
            var f = mantissa - (w * power);
            whole = (long)w;
            fraction = scale <= 18 ? (long)(f * PowersOfTen[18 - scale]) : (long)(f / PowersOfTen[scale - 18]);
        }

        if (fraction > Unit - SnapUnits)
        {
            return (whole + 1, 0);
        }

        return fraction < SnapUnits ? (whole, 0) : (whole, fraction);
    }

    private static readonly UInt128[] PowersOfTen = MakePowersOfTen();

    private static UInt128[] MakePowersOfTen()
    {
        var powers = new UInt128[29];
        powers[0] = 1;
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = powers[k - 1] * 10;
        }

        return powers;
    }

    /// <summary>
    /// Rounds a flow on nodes 0..nodes-1 whose every node except possibly the last has a whole-penny
    /// balance. Returns whole amounts, each the floor or ceiling of its exact amount, with every balance kept.
    /// </summary>
    internal static long[] RoundFlow(int nodes, int[] from, int[] to, decimal[] values)
    {
        var m = values.Length;
        var whole = new long[m];
        var fraction = new long[m];
        var active = new bool[m];
        var degree = new int[nodes + 1];
        for (var e = 0; e < m; e++)
        {
            var (w, f) = Split(values[e]);
            whole[e] = w;
            fraction[e] = f;
            if (f > 0)
            {
                active[e] = true;
                degree[from[e] + 1]++;
                degree[to[e] + 1]++;
            }
        }

        for (var v = 0; v < nodes; v++)
        {
            degree[v + 1] += degree[v];
        }

        var adjacency = new int[degree[nodes]];
        var fill = (int[])degree.Clone();
        for (var e = 0; e < m; e++)
        {
            if (active[e])
            {
                adjacency[fill[from[e]]++] = e;
                adjacency[fill[to[e]]++] = e;
            }
        }

        var cursor = (int[])degree.Clone();
        var position = new int[nodes];
        Array.Fill(position, -1);
        var pathNode = new List<int>();
        var pathEdge = new List<int>();
        var cycle = new List<(int Edge, bool Forward)>();

        int NextEdge(int v, int exclude)
        {
            while (cursor[v] < degree[v + 1] && !active[adjacency[cursor[v]]])
            {
                cursor[v]++;
            }

            for (var k = cursor[v]; k < degree[v + 1]; k++)
            {
                var e = adjacency[k];
                if (active[e] && e != exclude)
                {
                    return e;
                }
            }

            return -1;
        }

        void Settle(int e)
        {
            if (fraction[e] <= SnapUnits)
            {
                fraction[e] = 0;
                active[e] = false;
            }
            else if (fraction[e] >= Unit - SnapUnits)
            {
                fraction[e] = 0;
                whole[e]++;
                active[e] = false;
            }
        }

        void Pop()
        {
            position[pathNode[^1]] = -1;
            pathNode.RemoveAt(pathNode.Count - 1);
            pathEdge.RemoveAt(pathEdge.Count - 1);
        }

        for (var start = 0; start < nodes; start++)
        {
            while (NextEdge(start, -1) >= 0)
            {
                pathNode.Add(start);
                pathEdge.Add(-1);
                position[start] = 0;
                while (pathNode.Count > 0)
                {
                    var v = pathNode[^1];
                    var arrival = pathEdge[^1];
                    var e = NextEdge(v, arrival);
                    if (e < 0)
                    {
                        if (arrival >= 0)
                        {
                            // Only the free node can be a dead end; anywhere else the fraction is rounding noise.
                            fraction[arrival] = fraction[arrival] >= Unit / 2 ? Unit : 0;
                            Settle(arrival);
                        }

                        Pop();
                        continue;
                    }

                    var w = from[e] == v ? to[e] : from[e];
                    if (position[w] < 0)
                    {
                        position[w] = pathNode.Count;
                        pathNode.Add(w);
                        pathEdge.Add(e);
                        continue;
                    }

                    // A cycle: the path from w to v, then e back to w.
                    cycle.Clear();
                    for (var k = position[w] + 1; k < pathNode.Count; k++)
                    {
                        cycle.Add((pathEdge[k], from[pathEdge[k]] == pathNode[k - 1]));
                    }

                    cycle.Add((e, from[e] == v));
                    var up = long.MaxValue;
                    var down = long.MaxValue;
                    foreach (var (edge, forward) in cycle)
                    {
                        var f = fraction[edge];
                        up = Math.Min(up, forward ? Unit - f : f);
                        down = Math.Min(down, forward ? f : Unit - f);
                    }

                    var step = up <= down + SnapUnits ? up : -down;
                    foreach (var (edge, forward) in cycle)
                    {
                        fraction[edge] += forward ? step : -step;
                        Settle(edge);
                    }

                    var cut = -1;
                    for (var k = position[w] + 1; k < pathNode.Count; k++)
                    {
                        if (!active[pathEdge[k]])
                        {
                            cut = k;
                            break;
                        }
                    }

                    if (cut >= 0)
                    {
                        while (pathNode.Count > cut)
                        {
                            Pop();
                        }
                    }
                }
            }
        }

        return whole;
    }

    private static void Verify(Network network, long[] pence)
    {
        var balance = new long[network.Supports.Length];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            balance[network.EdgeFrom[e]] += pence[e];
            var to = network.SupportOf[network.EdgeTo[e]];
            if (to >= 0)
            {
                balance[to] -= pence[e];
            }
        }

        for (var s = 0; s < balance.Length; s++)
        {
            if (balance[s] != (long)network.CostPence[network.Supports[s]])
            {
                throw new InvalidOperationException($"Penny rounding lost the balance of {network.Id(network.Supports[s])}.");
            }
        }
    }
}
