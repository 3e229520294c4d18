namespace FairShare.Allocation.Tests;

/// <summary>
/// The methods again, in exact rational arithmetic, from the model itself (not from the engine's
/// internals): the reference the engine's unrounded figures must match.
/// </summary>
public static class ExactReference
{
    /// <summary>Exact transfer amounts (currency units) keyed by (from, to), for transfers that are not zero.</summary>
    public static Dictionary<(string From, string To), Rational> Transfers(AllocationModel model, AllocationMethod method, IReadOnlyList<string>? order = null)
    {
        var kinds = model.Departments.ToDictionary(d => d.Id, d => d.Kind);
        var cost = model.Departments.ToDictionary(d => d.Id, d => Rational.FromDecimal(d.Cost));
        var supports = model.Departments.Where(d => d.Kind == DepartmentKind.Support).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        var quantity = new Dictionary<string, Dictionary<string, Rational>>();
        foreach (var s in supports)
        {
            quantity[s] = [];
        }

        foreach (var u in model.Usage)
        {
            if (u.Provider == u.Receiver || u.Quantity <= 0)
            {
                continue;
            }

            var row = quantity[u.Provider];
            row[u.Receiver] = (row.TryGetValue(u.Receiver, out var q) ? q : Rational.Zero) + Rational.FromDecimal(u.Quantity);
        }

        var result = new Dictionary<(string, string), Rational>();
        void Spread(string s, Rational amount, Func<string, bool> include)
        {
            var total = quantity[s].Where(p => include(p.Key)).Aggregate(Rational.Zero, (a, p) => a + p.Value);
            if (amount.IsZero || total.IsZero)
            {
                return;
            }

            foreach (var (to, q) in quantity[s])
            {
                if (include(to))
                {
                    var key = (s, to);
                    result[key] = (result.TryGetValue(key, out var v) ? v : Rational.Zero) + (amount * q / total);
                }
            }
        }

        switch (method)
        {
            case AllocationMethod.Direct:
                foreach (var s in supports)
                {
                    Spread(s, cost[s], to => kinds[to] == DepartmentKind.Operating);
                }

                break;
            case AllocationMethod.StepDown:
                var closed = new HashSet<string>();
                var received = supports.ToDictionary(s => s, _ => Rational.Zero);
                foreach (var s in order ?? throw new ArgumentNullException(nameof(order)))
                {
                    closed.Add(s);
                    Spread(s, cost[s] + received[s], to => !closed.Contains(to));
                    foreach (var ((from, to), amount) in result)
                    {
                        if (from == s && received.ContainsKey(to))
                        {
                            received[to] += amount;
                        }
                    }
                }

                break;
            case AllocationMethod.Reciprocal:
                var complete = SolveReciprocal(supports, cost, quantity);
                foreach (var s in supports)
                {
                    Spread(s, complete[s], _ => true);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method));
        }

        return result.Where(p => !p.Value.IsZero).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>x = c + Aᵀx by Gaussian elimination over the rationals.</summary>
    public static Dictionary<string, Rational> SolveReciprocal(
        List<string> supports, Dictionary<string, Rational> cost, Dictionary<string, Dictionary<string, Rational>> quantity)
    {
        var n = supports.Count;
        var index = supports.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var a = new Rational[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                a[i, j] = Rational.Zero;
            }

            a[i, i] = Rational.One;
            a[i, n] = cost[supports[i]];
        }

        foreach (var k in supports)
        {
            var total = quantity[k].Values.Aggregate(Rational.Zero, (x, y) => x + y);
            foreach (var (to, q) in quantity[k])
            {
                if (index.TryGetValue(to, out var i))
                {
                    a[i, index[k]] -= q / total;
                }
            }
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            while (a[pivot, col].IsZero)
            {
                pivot++;
            }

            for (var j = 0; j <= n; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var i = 0; i < n; i++)
            {
                if (i == col || a[i, col].IsZero)
                {
                    continue;
                }

                var factor = a[i, col] / a[col, col];
                for (var j = col; j <= n; j++)
                {
                    a[i, j] -= factor * a[col, j];
                }
            }
        }

        return supports.Select((s, i) => (s, x: a[i, n] / a[i, i])).ToDictionary(p => p.s, p => p.x);
    }
}
