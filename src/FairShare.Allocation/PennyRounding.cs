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
        var pence = new long[network.EdgeCount];
        var target = new long[supports];

        // Fast path: support-to-support transfers to the nearest penny (half a penny up); each support
        // department's total to operating departments is then what balances its books. That total can be
        // split within a penny of every exact amount whenever it lies between the sums of their floors and
        // ceilings, which is the usual case (many operating receivers); otherwise, the general way below.
        for (var s = 0; s < supports; s++)
        {
            target[s] = (long)network.CostPence[network.Supports[s]];
        }

        for (var e = 0; e < network.EdgeCount; e++)
        {
            var to = network.SupportOf[network.EdgeTo[e]];
            if (to < 0 || flow[e] == 0)
            {
                continue;
            }

            var (whole, fraction) = Split(flow[e]);
            // Half a penny, give or take the solver's error, goes up.
            var amount = fraction >= (Unit / 2) - SnapUnits ? whole + 1 : whole;
            pence[e] = amount;
            target[network.EdgeFrom[e]] -= amount;
            target[to] += amount;
        }

        if (!SplitToOperating(network, flow, target, pence))
        {
            cycleCancelling = true;
            RoundSupportTransfersByCycleCancelling(network, flow, target, pence);
            if (!SplitToOperating(network, flow, target, pence))
            {
                throw new InvalidOperationException("Penny rounding could not split a rounded total within a penny of each amount.");
            }
        }

        Verify(network, pence);
        return pence;
    }

    /// <summary>
    /// Stage 1 the general way: the support-to-support transfers and each support department's total to
    /// operating departments (one edge per department to a free node) rounded together by cycle cancelling.
    /// Sets those transfers in <paramref name="pence"/> and each department's operating total in <paramref name="target"/>.
    /// </summary>
    private static void RoundSupportTransfersByCycleCancelling(Network network, decimal[] flow, long[] target, long[] pence)
    {
        var supports = network.Supports.Length;
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
                edgeTo.Add(supports);
                values.Add(operatingTotal[s]);
                networkEdge.Add(-1);
            }
        }

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
    }

    /// <summary>Stage 2 for every support department; false if some total cannot be split within a penny.</summary>
    private static bool SplitToOperating(Network network, decimal[] flow, long[] target, long[] pence)
    {
        var widest = 0;
        for (var s = 0; s < target.Length; s++)
        {
            widest = Math.Max(widest, network.EdgeStart[s + 1] - network.EdgeStart[s]);
        }

        var remainders = new Remainder[widest];
        for (var s = 0; s < target.Length; s++)
        {
            var count = 0;
            var any = false;
            long sum = 0;
            for (var e = network.EdgeStart[s]; e < network.EdgeStart[s + 1]; e++)
            {
                if (flow[e] == 0 || network.IsSupport(network.EdgeTo[e]))
                {
                    continue;
                }

                any = true;
                var (whole, fraction) = Split(flow[e]);
                pence[e] = whole;
                sum += whole;
                if (fraction > 0)
                {
                    remainders[count++] = new Remainder(KeyOf(fraction), whole, e);
                }
            }

            if (!any ? target[s] != 0 : !GiveLeftoverPence(remainders.AsSpan(0, count), target[s] - sum, pence))
            {
                return false;
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
        var result = new long[exact.Count];
        var remainders = new Remainder[exact.Count];
        var count = 0;
        long sum = 0;
        for (var i = 0; i < exact.Count; i++)
        {
            var (whole, fraction) = Split(exact[i]);
            result[i] = whole;
            sum += whole;
            if (fraction > 0)
            {
                remainders[count++] = new Remainder(KeyOf(fraction), whole, i);
            }
        }

        return GiveLeftoverPence(remainders.AsSpan(0, count), target - sum, result) ? result : null;
    }

    /// <summary>
    /// One more penny each to the <paramref name="extra"/> largest remainders; false if that is not
    /// within a penny of every amount (fewer fractional amounts than pence left, or pence too many).
    /// </summary>
    private static bool GiveLeftoverPence(Span<Remainder> remainders, long extra, long[] amounts)
    {
        if (extra == 0)
        {
            return true;
        }

        if (extra < 0 || extra > remainders.Length)
        {
            return false;
        }

        SelectFirst(remainders, (int)extra);
        for (var k = 0; k < extra; k++)
        {
            amounts[remainders[k].Item]++;
        }

        return true;
    }

    /// <summary>A remainder's sort key: to nine decimal places of a penny, closer than that being a tie.</summary>
    private static long KeyOf(long fraction) => (fraction + (TieUnit / 2)) / TieUnit;

    /// <param name="Key">The fraction of a penny, to nine decimal places (see <see cref="KeyOf"/>).</param>
    /// <param name="Whole">The whole pence below the exact amount.</param>
    /// <param name="Item">Which amount: its edge or position, in receiver order.</param>
    private readonly record struct Remainder(long Key, long Whole, int Item);

    /// <summary>Largest remainder first; on a tie the larger amount, then the receiver first in order.</summary>
    private static bool Before(in Remainder a, in Remainder b) =>
        a.Key != b.Key ? a.Key > b.Key : a.Whole != b.Whole ? a.Whole > b.Whole : a.Item < b.Item;

    /// <summary>
    /// Moves the first <paramref name="count"/> remainders in <see cref="Before"/> order to the front, in no
    /// particular order (quickselect: linear on average; the order is strict, so which ones is certain).
    /// </summary>
    private static void SelectFirst(Span<Remainder> items, int count)
    {
        var wanted = count - 1;
        var low = 0;
        var high = items.Length - 1;
        while (low < high)
        {
            var pivot = items[low + ((high - low) / 2)];
            var i = low;
            var j = high;
            while (i <= j)
            {
                while (Before(items[i], pivot))
                {
                    i++;
                }

                while (Before(pivot, items[j]))
                {
                    j--;
                }

                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (wanted <= j)
            {
                high = j;
            }
            else if (wanted >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// Whole pence and the fraction in units of 10⁻¹⁸ penny (digits below truncated), a fraction within
    /// <see cref="Snap"/> of whole being whole. Exact integer arithmetic on decimal's 96-bit mantissa, in
    /// 32-bit division steps, which the processor does natively, rather than dividing it as one 128-bit number
    /// (see docs/recharge.md for the measured difference).
    /// </summary>
    internal static (long Whole, long Fraction) Split(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[3] < 0)
        {
            return SplitByDecimal(value);
        }

        var scale = (bits[3] >> 16) & 0xFF;
        var hi = (uint)bits[2];
        var mid = (uint)bits[1];
        var lo = (uint)bits[0];
        long whole;
        long fraction;
        if (scale <= 18)
        {
            // whole = mantissa / 10^scale; the remainder (< 10^18) scaled up to units of 10⁻¹⁸.
            ulong remainder = 0;
            ulong place = 1;
            var left = scale;
            while (left > 0)
            {
                var step = Math.Min(left, 9);
                var r = DivRem(ref hi, ref mid, ref lo, Pow10[step]);
                remainder += r * place;
                place *= Pow10[step];
                left -= step;
            }

            if (hi != 0 || mid > int.MaxValue)
            {
                return SplitByDecimal(value);
            }

            whole = (long)(((ulong)mid << 32) | lo);
            fraction = (long)(remainder * PowersOfTenLong[18 - scale]);
        }
        else
        {
            // Drop the digits below 10⁻¹⁸ (truncating), then split at 10¹⁸.
            var left = scale - 18;
            while (left > 0)
            {
                var step = Math.Min(left, 9);
                DivRem(ref hi, ref mid, ref lo, Pow10[step]);
                left -= step;
            }

            var r1 = DivRem(ref hi, ref mid, ref lo, 1_000_000_000);
            var r2 = DivRem(ref hi, ref mid, ref lo, 1_000_000_000);
            if (hi != 0 || mid > int.MaxValue)
            {
                return SplitByDecimal(value);
            }

            whole = (long)(((ulong)mid << 32) | lo);
            fraction = (long)((r2 * 1_000_000_000UL) + r1);
        }

        return Snapped(whole, fraction);
    }

    private static (long Whole, long Fraction) Snapped(long whole, long fraction) =>
        fraction > Unit - SnapUnits ? (whole + 1, 0) : fraction < SnapUnits ? (whole, 0) : (whole, fraction);

    /// <summary>Divides the 96-bit number hi:mid:lo by a 32-bit divisor in place; returns the remainder.</summary>
    private static ulong DivRem(ref uint hi, ref uint mid, ref uint lo, uint divisor)
    {
        var q = hi / divisor;
        ulong r = hi - (q * divisor);
        hi = q;
        var n = (r << 32) | mid;
        var q1 = n / divisor;
        r = n - (q1 * divisor);
        mid = (uint)q1;
        n = (r << 32) | lo;
        var q2 = n / divisor;
        r = n - (q2 * divisor);
        lo = (uint)q2;
        return r;
    }

    private static readonly uint[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    private static readonly ulong[] PowersOfTenLong = MakePowersOfTen();

    private static ulong[] MakePowersOfTen()
    {
        var powers = new ulong[19];
        powers[0] = 1;
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = powers[k - 1] * 10;
        }

        return powers;
    }

    /// <summary>The plain decimal way, for what never occurs in a flow (negative or beyond 2⁶⁴ pence).</summary>
    private static (long Whole, long Fraction) SplitByDecimal(decimal value)
    {
        var floor = decimal.Floor(value);
        var fraction = (long)((value - floor) * Unit);
        var whole = (long)floor;
        return Snapped(whole, fraction);
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
