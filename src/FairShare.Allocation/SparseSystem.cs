namespace FairShare.Allocation;

/// <summary>
/// A sparse fixed-point system x = b + W·x, where W is non-negative, each column sums to at most one and
/// no group of unknowns is closed (validation guarantees it), so the spectral radius of W is below one
/// and Gauss–Seidel converges. Memory is proportional to the number of non-zeros.
/// </summary>
internal sealed class SparseSystem
{
    private readonly int[] rowStart;
    private readonly int[] column;
    private readonly double[] weight;
    private readonly decimal[]? quantity;
    private readonly decimal[]? columnTotal;

    public SparseSystem(int size, int[] rowStart, int[] column, double[] weight, decimal[]? quantity = null, decimal[]? columnTotal = null)
    {
        Size = size;
        this.rowStart = rowStart;
        this.column = column;
        this.weight = weight;
        this.quantity = quantity;
        this.columnTotal = columnTotal;
    }

    public int Size { get; }

    /// <summary>Gauss–Seidel sweeps used by the last double solve (for diagnostics and benchmarks).</summary>
    public int LastSweeps { get; private set; }

    /// <summary>
    /// Builds rows from (row, column, quantity) triples whose weight is the quantity over its column's
    /// total: W[row, column] = quantity / columnTotal[column]. The exact residual divides once per column,
    /// not once per non-zero.
    /// </summary>
    public static SparseSystem FromShares(int size, IReadOnlyList<(int Row, int Column, decimal Quantity)> triples, decimal[] columnTotal)
    {
        var start = new int[size + 1];
        foreach (var t in triples)
        {
            start[t.Row + 1]++;
        }

        for (var i = 0; i < size; i++)
        {
            start[i + 1] += start[i];
        }

        var next = (int[])start.Clone();
        var columns = new int[triples.Count];
        var weights = new double[triples.Count];
        var quantities = new decimal[triples.Count];
        foreach (var t in triples)
        {
            var k = next[t.Row]++;
            columns[k] = t.Column;
            weights[k] = (double)t.Quantity / (double)columnTotal[t.Column];
            quantities[k] = t.Quantity;
        }

        return new SparseSystem(size, start, columns, weights, quantities, columnTotal);
    }

    /// <summary>Builds rows from (row, column, weight) triples, in double only.</summary>
    public static SparseSystem FromTriples(int size, IReadOnlyList<(int Row, int Column, double Weight)> triples)
    {
        var start = new int[size + 1];
        foreach (var t in triples)
        {
            start[t.Row + 1]++;
        }

        for (var i = 0; i < size; i++)
        {
            start[i + 1] += start[i];
        }

        var next = (int[])start.Clone();
        var columns = new int[triples.Count];
        var weights = new double[triples.Count];
        foreach (var t in triples)
        {
            var k = next[t.Row]++;
            columns[k] = t.Column;
            weights[k] = t.Weight;
        }

        return new SparseSystem(size, start, columns, weights);
    }

    private const int GaussSeidelSweeps = 20_000;

    /// <summary>The largest system solved densely when Gauss–Seidel does not converge (memory: size² doubles).</summary>
    private const int DenseLimit = 4_000;

    /// <summary>(I − W) x = b by Gaussian elimination with partial pivoting, in double.</summary>
    private double[] SolveDense(double[] b)
    {
        if (Size > DenseLimit)
        {
            throw new InvalidOperationException(
                $"The support-department equations converge too slowly for an iterative solve, and {Size} support departments are too many for a dense one.");
        }
        var a = new double[Size, Size];
        var x = (double[])b.Clone();
        for (var i = 0; i < Size; i++)
        {
            a[i, i] = 1;
            for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                a[i, column[k]] -= weight[k];
            }
        }
        for (var p = 0; p < Size; p++)
        {
            var pivot = p;
            for (var i = p + 1; i < Size; i++)
            {
                if (Math.Abs(a[i, p]) > Math.Abs(a[pivot, p]))
                {
                    pivot = i;
                }
            }
            if (a[pivot, p] == 0)
            {
                throw new InvalidOperationException("The support-department equations have no single solution.");
            }
            if (pivot != p)
            {
                for (var j = 0; j < Size; j++)
                {
                    (a[p, j], a[pivot, j]) = (a[pivot, j], a[p, j]);
                }
                (x[p], x[pivot]) = (x[pivot], x[p]);
            }
            for (var i = p + 1; i < Size; i++)
            {
                var factor = a[i, p] / a[p, p];
                if (factor == 0)
                {
                    continue;
                }
                for (var j = p; j < Size; j++)
                {
                    a[i, j] -= factor * a[p, j];
                }
                x[i] -= factor * x[p];
            }
        }
        for (var i = Size - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var j = i + 1; j < Size; j++)
            {
                sum -= a[i, j] * x[j];
            }
            x[i] = sum / a[i, i];
        }
        return x;
    }

    /// <summary>Gauss–Seidel in double until the largest change is below <paramref name="relativeTolerance"/> of the largest value.</summary>
    public double[] Solve(double[] b, double relativeTolerance = 1e-15, int maxSweeps = 100_000)
    {
        var x = (double[])b.Clone();
        var sweeps = 0;
        while (sweeps < maxSweeps)
        {
            sweeps++;
            var maxChange = 0.0;
            var maxValue = 0.0;
            for (var i = 0; i < Size; i++)
            {
                var sum = b[i];
                for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    sum += weight[k] * x[column[k]];
                }

                var change = Math.Abs(sum - x[i]);
                if (change > maxChange)
                {
                    maxChange = change;
                }

                var magnitude = Math.Abs(sum);
                if (magnitude > maxValue)
                {
                    maxValue = magnitude;
                }

                x[i] = sum;
            }

            if (maxChange <= relativeTolerance * maxValue || maxChange == 0)
            {
                break;
            }
        }

        LastSweeps = sweeps;
        return x;
    }

    /// <summary>
    /// Solves in <see cref="decimal"/> (28 significant digits) by iterative refinement: the residual is
    /// computed exactly in decimal, the correction is solved in double, and the loop stops when the
    /// residual stops shrinking, at the limit of decimal precision.
    /// </summary>
    public decimal[] SolveDecimal(decimal[] b)
    {
        if (quantity is null || columnTotal is null)
        {
            throw new InvalidOperationException("This system was built without exact weights.");
        }

        var x = new decimal[Size];
        var r = (decimal[])b.Clone();
        var previous = decimal.MaxValue;
        var rightHandSide = new double[Size];
        var perUnit = new decimal[Size];
        for (var pass = 0; pass < 200; pass++)
        {
            var largest = 0m;
            for (var i = 0; i < Size; i++)
            {
                var magnitude = Math.Abs(r[i]);
                if (magnitude > largest)
                {
                    largest = magnitude;
                }
            }

            // Far below the penny-rounding snap (10⁻⁹ p), or no longer shrinking: decimal's own limit.
            if (largest <= 0.000000000001m || largest >= previous * 0.5m)
            {
                break;
            }

            previous = largest;
            for (var i = 0; i < Size; i++)
            {
                rightHandSide[i] = (double)r[i];
            }

            var correction = Solve(rightHandSide, 1e-14, GaussSeidelSweeps);
            if (LastSweeps >= GaussSeidelSweeps)
            {
                // Nearly closed loops (almost all of a group's service going round among themselves) make
                // Gauss–Seidel crawl; a direct solve of the correction keeps the refinement exact.
                correction = SolveDense(rightHandSide);
            }
            for (var i = 0; i < Size; i++)
            {
                if (!double.IsFinite(correction[i]))
                {
                    throw new InvalidOperationException("The support-department equations did not converge.");
                }

                x[i] += (decimal)correction[i];
            }

            for (var j = 0; j < Size; j++)
            {
                perUnit[j] = columnTotal[j] == 0 ? 0 : x[j] / columnTotal[j];
            }

            for (var i = 0; i < Size; i++)
            {
                var sum = b[i] - x[i];
                for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    sum += quantity[k] * perUnit[column[k]];
                }

                r[i] = sum;
            }
        }

        return x;
    }
}
