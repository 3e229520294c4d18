using System.Globalization;
using FairShare.Features.Exports;

namespace FairShare.Features.Statements;

/// <summary>A statement as rows for a spreadsheet, the same on the page's download and the command line: one row a charge, apportioned support cost or income line.</summary>
public static class StatementCsv
{
    private static readonly string?[] Header = ["section", "counterparty", "offering", "mechanism", "quantity", "unitPrice", "amount", "explanation", "detail"];

    public static List<string?[]> Rows(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var rows = new List<string?[]> { Header };
        rows.AddRange(statement.Charges.Select(c => Row("charge", c)));
        rows.AddRange(statement.Allocated.Select(c => Row("allocated", c)));
        rows.AddRange(statement.Income.Select(c => Row("income", c)));
        return rows;
    }

    public static string Write(Statement statement) => CsvText.Write(Rows(statement));

    private static string?[] Row(string section, StatementLine l) =>
    [
        section, l.Counterparty, l.Offering, l.Mechanism, l.Quantity?.ToString(CultureInfo.InvariantCulture),
        l.UnitPrice?.ToString(CultureInfo.InvariantCulture), l.Amount.ToPlainString(), l.Explanation,
        l.Via is { } via ? "via " + via : string.Join(",", l.RecordIds),
    ];
}
