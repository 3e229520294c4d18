using System.Globalization;
using FairShare.Features.Imports;

namespace FairShare.Features.Organisation.Import;

/// <summary>What an organisation file holds: one kind per file, as a ledger exports them.</summary>
public enum OrganisationFileKind
{
    Directorates,
    CostCentres,
    Budgets,
    SubjectiveCodes,
    Funds,
}

/// <summary>A field of FairShare's template: its name (the template's header), whether a file must have it, and what it holds.</summary>
public sealed record OrganisationField(string Name, bool Required, string About);

/// <summary>One row of an organisation file, its cells found by field name (whatever the file calls the column).</summary>
internal sealed class OrganisationRow(int line, Dictionary<string, string> values)
{
    public int Line { get; } = line;

    /// <summary>The field's text, trimmed; empty when the file has no such column or the cell is blank.</summary>
    public string this[string field] => values.GetValueOrDefault(field, "");

    public bool Has(string field) => values.ContainsKey(field);
}

/// <summary>
/// Reads an organisation file through FairShare's template header or a saved column mapping (source column →
/// field), with the shared CSV/Excel reader: every row a dictionary of fields, or problems naming row, field and why.
/// </summary>
internal static class OrganisationFile
{
    public static (List<OrganisationRow> Rows, List<ImportProblem> Problems) Read(
        TabularFile file, IReadOnlyList<OrganisationField> fields, IReadOnlyDictionary<string, string>? mapping)
    {
        var problems = new List<ImportProblem>();
        var byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var columns = new Dictionary<int, string>();
        for (var i = 0; i < file.Header.Count; i++)
        {
            var column = file.Header[i].Trim();
            string? field = mapping is null
                ? byName.TryGetValue(column, out var f) ? f.Name : null
                : mapping.TryGetValue(column, out var mapped) ? mapped : null;
            if (field is null)
            {
                if (mapping is null && column.Length > 0)
                {
                    problems.Add(new ImportProblem(1, "header", column, $"is not a column of FairShare's template: the columns are {string.Join(", ", fields.Select(x => x.Name))} (or save a column mapping for this ledger's layout)."));
                }
                continue;
            }
            if (columns.ContainsValue(field))
            {
                problems.Add(new ImportProblem(1, "header", column, $"is the second column read as {field}."));
                continue;
            }
            columns[i] = field;
        }
        foreach (var missing in fields.Where(f => f.Required && !columns.ContainsValue(f.Name)))
        {
            var source = mapping?.FirstOrDefault(m => m.Value == missing.Name).Key;
            problems.Add(new ImportProblem(1, "header", string.Join(",", file.Header),
                source is null ? $"has no {missing.Name} column ({missing.About})." : $"has no column '{source}', which the mapping reads as {missing.Name}."));
        }
        var rows = new List<OrganisationRow>();
        if (problems.Count > 0)
        {
            return (rows, problems);
        }
        foreach (var row in file.Rows)
        {
            if (row.Fault is { } fault)
            {
                problems.Add(new ImportProblem(row.Line, ImportProblem.RowColumn, "", $"The row {fault}"));
                continue;
            }
            var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            foreach (var (index, field) in columns)
            {
                values[field] = row.Cells[index].Trim();
            }
            rows.Add(new OrganisationRow(row.Line, values));
        }
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(0, "", "", "The file has a header but no rows."));
        }
        return (rows, problems);
    }

    /// <summary>A saved mapping's stored lines ("source column=field") as pairs, or the first line that is not one.</summary>
    public static (Dictionary<string, string>? Mapping, string? Problem) ParseMapping(string stored, IReadOnlyList<OrganisationField> fields)
    {
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = raw.LastIndexOf('=');
            var source = at > 0 ? raw[..at].Trim() : "";
            var field = at > 0 ? fields.FirstOrDefault(f => string.Equals(f.Name, raw[(at + 1)..].Trim(), StringComparison.OrdinalIgnoreCase)) : null;
            if (source.Length == 0 || field is null)
            {
                return (null, $"'{Inputs.Parse.Shown(raw)}' is not 'column in the file=field', with a field of {string.Join(", ", fields.Select(f => f.Name))}.");
            }
            if (!mapping.TryAdd(source, field.Name))
            {
                return (null, $"The column '{source}' is mapped twice.");
            }
        }
        return mapping.Count == 0 ? (null, "A mapping names at least one column.") : (mapping, null);
    }

    public static string FormatMapping(IReadOnlyDictionary<string, string> mapping) =>
        string.Join("\n", mapping.Select(m => $"{m.Key}={m.Value}"));
}

/// <summary>Reading one row's cells, adding a problem naming line, field and why for each bad one.</summary>
internal sealed class RowReader(List<ImportProblem> problems, string? dateFormat)
{
    public List<ImportProblem> Problems { get; } = problems;

    public void Problem(OrganisationRow row, string field, string reason) => Problems.Add(new ImportProblem(row.Line, field, row[field], reason));

    public string? Text(OrganisationRow row, string field, int max, bool required)
    {
        var text = row[field];
        if (text.Length == 0)
        {
            if (required)
            {
                Problem(row, field, "is required.");
            }
            return null;
        }
        if (text.Length > max)
        {
            Problem(row, field, $"is {text.Length:N0} characters long; at most {max} are kept.");
            return null;
        }
        return text;
    }

    /// <summary>A date as YYYY-MM-DD, or as the mapping's format (dd/MM/yyyy, dd-MMM-yyyy…); null when blank or bad.</summary>
    public DateOnly? Date(OrganisationRow row, string field)
    {
        var text = row[field];
        if (text.Length == 0)
        {
            return null;
        }
        if (IsoDate.TryParse(text, out var iso))
        {
            return iso;
        }
        if (dateFormat is not null && DateOnly.TryParseExact(text, dateFormat, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date))
        {
            return date;
        }
        Problem(row, field, $"is not a date; write it as YYYY-MM-DD{(dateFormat is null ? "" : $" or {dateFormat}")}.");
        return null;
    }

    /// <summary>An amount in pounds to the penny: "1234.56", "£1,234.56" or "(1,234.56)" for a negative; null when bad.</summary>
    public decimal? Pounds(OrganisationRow row, string field, bool required)
    {
        var text = row[field];
        if (text.Length == 0)
        {
            if (required)
            {
                Problem(row, field, "is required.");
            }
            return null;
        }
        var negative = text.StartsWith('(') && text.EndsWith(')');
        var bare = (negative ? text[1..^1] : text).Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(bare, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds))
        {
            Problem(row, field, "is not an amount in pounds; write it like 1234.56.");
            return null;
        }
        pounds = negative ? -pounds : pounds;
        if (Math.Abs(pounds) > SetBudget.MostPounds)
        {
            Problem(row, field, $"is more than a budget may be: at most £{SetBudget.MostPounds:#,0}, plus or minus.");
            return null;
        }
        if (!Domain.Money.IsWholePence(pounds))
        {
            Problem(row, field, "is not a whole number of pence.");
            return null;
        }
        return pounds;
    }

    /// <summary>A yes/no cell: yes, y, true, 1 or no, n, false, 0 (blank is no).</summary>
    public bool Flag(OrganisationRow row, string field)
    {
        switch (row[field].ToUpperInvariant())
        {
            case "" or "NO" or "N" or "FALSE" or "0":
                return false;
            case "YES" or "Y" or "TRUE" or "1":
                return true;
            default:
                Problem(row, field, "is not yes or no.");
                return false;
        }
    }
}
