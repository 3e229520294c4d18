using System.Globalization;
using System.Runtime.CompilerServices;
using FairShare.Domain;

namespace FairShare.Features.Imports;

/// <summary>
/// The problems found in a file, in the order found. Every one is counted; the first <see cref="Kept"/> are kept
/// to be reported, so that a million bad rows cost a count, not a million messages.
/// </summary>
public sealed class ImportProblems
{
    /// <summary>How many problems are kept to be shown; the rest are counted.</summary>
    public const int Kept = 100;

    private readonly List<ImportProblem> kept = [];

    /// <summary>Every problem found, kept or not.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<ImportProblem> List => kept;

    public void Add(ImportProblem problem)
    {
        Count++;
        if (kept.Count < Kept)
        {
            kept.Add(problem);
        }
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>The problems kept, by line, and a last line saying how many more there were, if any.</summary>
    public IReadOnlyList<ImportProblem> Report()
    {
        var report = kept.OrderBy(p => p.Line).ToList();
        if (Count > kept.Count)
        {
            report.Add(new ImportProblem(0, "", "", $"{Count - kept.Count:N0} more problems are not listed: mend those above and import the file again to see the rest ({Count:N0} in all)."));
        }
        return report;
    }
}

/// <summary>Where a cell is read: its row's line and the problems found so far, against the authority's codes and open periods.</summary>
internal sealed class RowCheck(ImportContext context, ImportProblems problems)
{
    public ImportContext Context { get; } = context;

    public ImportProblems Problems { get; } = problems;

    public int Line { get; set; }

    public void Problem(string column, string value, string reason) => Problems.Add(new ImportProblem(Line, column, value, reason));
}

/// <summary>
/// One column of a kind of import: its header, its rule in words (shown on the import page, in the help and in
/// the CLI's help), and how its text is read into the row being built — or a problem naming the line, the
/// column, the value and the reason.
/// </summary>
internal sealed record Column<TRow>(string Name, string Rule, Action<TRow, string, RowCheck> Read);

/// <summary>What one column of an import holds and the rule it keeps, for people: the page, the help and the CLI list these.</summary>
public sealed record ColumnRule(string Name, string Rule);

/// <summary>
/// The column rules every kind of import is made of: text with a maximum length, codes of this authority,
/// dates and periods in its open years, and numbers within bounds that keep every product and sum exact.
/// </summary>
internal static class Columns
{
    /// <summary>Text, trimmed: required or not, at most <paramref name="max"/> characters.</summary>
    public static Column<TRow> Text<TRow>(string name, int max, bool required, string about, Action<TRow, string> set) =>
        new(name, $"{about}; {(required ? "required" : "optional")}, at most {max} characters", (row, text, at) =>
        {
            if (required && text.Length == 0)
            {
                at.Problem(name, text, "is required.");
            }
            else if (text.Length > max)
            {
                at.Problem(name, text, $"is {text.Length:N0} characters long; at most {max} are kept.");
            }
            else
            {
                set(row, text);
            }
        });

    /// <summary>The code of one of the authority's cost centres.</summary>
    public static Column<TRow> CostCentre<TRow>(string name, string about, Action<TRow, int> set) =>
        new(name, $"{about}: the code of one of your cost centres", (row, text, at) =>
        {
            if (at.Context.CostCentre(at.Line, name, text, at.Problems) is { } id)
            {
                set(row, id);
            }
        });

    /// <summary>The code of one of the authority's offerings.</summary>
    public static Column<TRow> Offering<TRow>(string name, Action<TRow, ImportContext.KnownOffering?> set) =>
        new(name, "the code of one of your offerings (not an external supplier's)", (row, text, at) =>
            set(row, at.Context.Offering(at.Line, name, text, at.Problems)));

    /// <summary>A date, YYYY-MM-DD, in one of the authority's open financial years, in a period that takes records now.</summary>
    public static Column<TRow> Date<TRow>(string name, Action<TRow, DateOnly> set) =>
        new(name, "a date as YYYY-MM-DD, in an open financial year and a period that takes records", (row, text, at) =>
        {
            if (at.Context.Date(at.Line, name, text, at.Problems) is { } date)
            {
                set(row, date);
            }
        });

    /// <summary>A period, YYYY-MM, in one of the authority's open financial years, open for imports now.</summary>
    public static Column<TRow> Period<TRow>(string name, Action<TRow, AccountingPeriod> set) =>
        new(name, "a period as YYYY-MM, in an open financial year, not closed and with no posted run", (row, text, at) =>
        {
            if (at.Context.Period(at.Line, name, text, at.Problems) is { } period)
            {
                set(row, period);
            }
        });

    /// <summary>A number within <paramref name="bounds"/>.</summary>
    public static Column<TRow> Number<TRow>(string name, NumberBounds bounds, Action<TRow, decimal> set) =>
        new(name, bounds.Describe(), (row, text, at) =>
        {
            if (bounds.Read(at.Line, name, text, at.Problems) is { } value)
            {
                set(row, value);
            }
        });
}

/// <summary>
/// What a number in an import may be: its least and greatest value, how many decimal places, and whether zero
/// is allowed. The bounds keep every product (quantity × rate) and every sum (a million rows' control total)
/// exact in <see cref="decimal"/>, so no value that passes can make a period impossible to run.
/// </summary>
public sealed record NumberBounds(string What, decimal Least, decimal Greatest, int DecimalPlaces, bool ZeroAllowed = true)
{
    /// <summary>A quantity of an offering on one record: 0 to 1,000,000, to 4 decimal places (hours to the second are 4).</summary>
    public static NumberBounds Quantity { get; } = new("a quantity", 0m, 1_000_000m, 4);

    /// <summary>A driver's value for one cost centre and period (FTE, pupils, m²): 0 to 1,000,000,000, to 4 decimal places.</summary>
    public static NumberBounds DriverValue { get; } = new("a driver's value", 0m, 1_000_000_000m, 4);

    /// <summary>An amount of money in pounds from the ledger: ±£1,000,000,000, whole pence.</summary>
    public static NumberBounds LedgerAmount { get; } = new("an amount in pounds", -1_000_000_000m, 1_000_000_000m, 2);

    /// <summary>A support service's cost passed on: more than nothing, up to £1,000,000,000, whole pence.</summary>
    public static NumberBounds ProviderCost { get; } = new("an amount in pounds", 0m, 1_000_000_000m, 2, ZeroAllowed: false);

    public string Describe() =>
        $"{What}, {Shown(Least)} to {Shown(Greatest)}{(ZeroAllowed ? "" : " but not 0")}, "
        + (DecimalPlaces == 2 && What.Contains("pounds", StringComparison.Ordinal) ? "in whole pence" : $"at most {DecimalPlaces} decimal places")
        + "; digits and one decimal point only (no £, no thousands separators)";

    /// <summary>The value, or null with a problem naming the line, the column and why.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public decimal? Read(int line, string column, string text, ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(new ImportProblem(line, column, text, text.Length == 0 ? "is required."
                : text.Contains(',', StringComparison.Ordinal) || text.Contains('£', StringComparison.Ordinal)
                    ? "is not a number as imports write them: no £ and no thousands separators (1234.50)." : "is not a number."));
            return null;
        }
        return Check(line, column, text, value, problems) ? value : null;
    }

    /// <summary>Whether a value already read (from JSON, say) keeps these bounds; if not, a problem says why.</summary>
    public bool Check(int line, string column, string text, decimal value, ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        string? reason = null;
        if (value < Least)
        {
            reason = Least == 0 ? "cannot be negative." : $"is less than {Shown(Least)}, the least {What} may be.";
        }
        else if (value > Greatest)
        {
            reason = $"is more than {Shown(Greatest)}, the most {What} may be.";
        }
        else if (value == 0 && !ZeroAllowed)
        {
            reason = "must be more than nothing.";
        }
        else if (value.Scale > DecimalPlaces && decimal.Round(value, DecimalPlaces) != value)
        {
            reason = DecimalPlaces == 2 ? "is not a whole number of pence." : $"has more than {DecimalPlaces} decimal places.";
        }
        if (reason is null)
        {
            return true;
        }
        problems.Add(new ImportProblem(line, column, text, reason));
        return false;
    }

    private static string Shown(decimal value) => value.ToString("#,##0.####", CultureInfo.InvariantCulture);
}

/// <summary>
/// A kind of import as its columns and the checks across them, over the shared reader (<see cref="TabularFile"/>):
/// each row is read column by column, then checked as a whole; a row with any problem is not given out.
/// </summary>
internal sealed class ImportRules<TRow>(IReadOnlyList<Column<TRow>> columns, IReadOnlyList<Action<TRow, string[], RowCheck>> checks)
    where TRow : class
{
    public IReadOnlyList<Column<TRow>> Columns { get; } = columns;

    private readonly string[] names = [.. columns.Select(c => c.Name)];

    public IReadOnlyList<string> Header => names;

    public IReadOnlyList<ColumnRule> Rules { get; } = [.. columns.Select(c => new ColumnRule(c.Name, c.Rule))];

    /// <summary>
    /// Reads one row into <paramref name="into"/> and says whether it was good. A row fault (a quote not closed,
    /// the wrong number of fields…) is its only problem: its cells cannot be trusted to be in their columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read(CsvRow row, TRow into, RowCheck at)
    {
        at.Line = row.Line;
        if (row.Fault is { } fault)
        {
            at.Problem("row", "", $"The row {fault}");
            return false;
        }
        var before = at.Problems.Count;
        var cells = row.Cells;
        for (var i = 0; i < Columns.Count; i++)
        {
            Columns[i].Read(into, i < cells.Length ? cells[i].Trim() : "", at);
        }
        // The checks across columns run on every row, so that every problem is reported; each looks only at the values it has.
        foreach (var check in checks)
        {
            check(into, cells, at);
        }
        return at.Problems.Count == before;
    }

    /// <summary>The cell of a column by its name, for a check's message.</summary>
    public string Cell(string[] cells, string column)
    {
        var i = Array.IndexOf(names, column);
        return i >= 0 && i < cells.Length ? cells[i].Trim() : "";
    }
}
