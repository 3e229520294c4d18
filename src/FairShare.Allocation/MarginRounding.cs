namespace FairShare.Allocation;

/// <summary>
/// Rounds a non-negative matrix to whole pence with given row and column totals (which must agree).
/// Rows are rounded by largest remainder first; then, while some column is over its total, one penny
/// moves within a row from that column to the first column that is under, choosing the row where the
/// first was rounded up most and the second least (ties: the earlier row). A penny only moves to a column the row
/// really has (a non-zero exact amount), through a chain of rows if no single row has both, and only
/// if neither exists anywhere (see <see cref="MoveAnywhere"/>).
/// </summary>
internal static class MarginRounding
{
    public static long[][] Round(double[][] exact, long[] rowTotals, long[] columnTotals)
    {
        var rows = exact.Length;
        var columns = columnTotals.Length;
        if (rowTotals.Sum() != columnTotals.Sum())
        {
            throw new InvalidOperationException("Row and column totals differ.");
        }

        var result = new long[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = RoundRow(exact[r], rowTotals[r]);
        }

        var excess = new long[columns];
        for (var c = 0; c < columns; c++)
        {
            excess[c] = -columnTotals[c];
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                excess[c] += result[r][c];
            }
        }

        for (var over = 0; over < columns; over++)
        {
            while (excess[over] > 0)
            {
                if (!MoveDirect(exact, result, excess, over) && !MoveAlongChain(exact, result, excess, over))
                {
                    MoveAnywhere(exact, result, excess, over);
                }
            }
        }

        return result;
    }

    private static bool MoveDirect(double[][] exact, long[][] result, long[] excess, int over)
    {
        // The first column that is under (lowest index), and the best row to move a penny within.
        for (var under = 0; under < excess.Length; under++)
        {
            if (excess[under] >= 0)
            {
                continue;
            }

            var bestRow = -1;
            var bestScore = double.NegativeInfinity;
            for (var r = 0; r < result.Length; r++)
            {
                var row = result[r];
                if (row[over] > 0 && exact[r][under] > 0)
                {
                    var score = (row[over] - exact[r][over]) - (row[under] - exact[r][under]);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestRow = r;
                    }
                }
            }

            if (bestRow >= 0)
            {
                result[bestRow][over]--;
                result[bestRow][under]++;
                excess[over]--;
                excess[under]++;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Last resort, when the rounded totals cannot be met within the rows' real columns (a receiver whose
    /// few charges cannot carry an origin's rounded penny): the penny moves within the row that has the
    /// most of the over column, to the under column the row has most of, even if only in rounding.
    /// </summary>
    private static void MoveAnywhere(double[][] exact, long[][] result, long[] excess, int over)
    {
        var row = -1;
        for (var r = 0; r < result.Length; r++)
        {
            if (result[r][over] > 0 && (row < 0 || exact[r][over] > exact[row][over]))
            {
                row = r;
            }
        }

        var under = -1;
        for (var c = 0; c < excess.Length; c++)
        {
            if (excess[c] < 0 && (under < 0 || exact[row][c] > exact[row][under]))
            {
                under = c;
            }
        }

        if (row < 0 || under < 0)
        {
            throw new InvalidOperationException("Row and column totals cannot be balanced.");
        }

        result[row][over]--;
        result[row][under]++;
        excess[over]--;
        excess[under]++;
    }

    private static bool MoveAlongChain(double[][] exact, long[][] result, long[] excess, int over)
    {
        var columns = excess.Length;
        var parentColumn = new int[columns];
        var parentRow = new int[columns];
        Array.Fill(parentColumn, -2);
        parentColumn[over] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(over);
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            for (var r = 0; r < result.Length; r++)
            {
                if (result[r][c] <= 0)
                {
                    continue;
                }

                for (var next = 0; next < columns; next++)
                {
                    if (parentColumn[next] != -2 || exact[r][next] <= 0)
                    {
                        continue;
                    }

                    parentColumn[next] = c;
                    parentRow[next] = r;
                    if (excess[next] < 0)
                    {
                        excess[over]--;
                        excess[next]++;
                        for (var at = next; at != over; at = parentColumn[at])
                        {
                            result[parentRow[at]][parentColumn[at]]--;
                            result[parentRow[at]][at]++;
                        }

                        return true;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }

    /// <summary>Largest remainder on one row of non-negative doubles; ties to the larger amount, then the earlier column.</summary>
    public static long[] RoundRow(double[] exact, long total)
    {
        var n = exact.Length;
        var result = new long[n];
        var remainder = new double[n];
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            var value = Math.Max(0, exact[i]);
            var floor = Math.Floor(value);
            var fraction = value - floor;
            if (fraction > 1 - 1e-9)
            {
                floor += 1;
                fraction = 0;
            }

            result[i] = (long)floor;
            remainder[i] = fraction;
            sum += result[i];
        }

        var extra = total - sum;
        if (extra == 0)
        {
            return result;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        if (extra > 0)
        {
            // Largest remainder first; ties to the larger amount, then the earlier column.
            Array.Sort(order, (a, b) =>
            {
                var c = remainder[b].CompareTo(remainder[a]);
                if (c == 0)
                {
                    c = exact[b].CompareTo(exact[a]);
                }

                return c != 0 ? c : a.CompareTo(b);
            });
            for (var k = 0; extra > 0; k = (k + 1) % n, extra--)
            {
                result[order[k]]++;
            }
        }
        else
        {
            Array.Sort(order, (a, b) =>
            {
                var c = remainder[a].CompareTo(remainder[b]);
                if (c == 0)
                {
                    c = exact[a].CompareTo(exact[b]);
                }

                return c != 0 ? c : b.CompareTo(a);
            });
            for (var k = 0; extra < 0; k = (k + 1) % n)
            {
                if (result[order[k]] > 0)
                {
                    result[order[k]]--;
                    extra++;
                }
            }
        }

        return result;
    }
}
