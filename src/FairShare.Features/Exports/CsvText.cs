using System.Text;

namespace FairShare.Features.Exports;

/// <summary>
/// CSV as spreadsheets and council ledgers read it (RFC 4180). A text cell a spreadsheet would run as a formula
/// (starting = + - @, tab or carriage return) is prefixed with an apostrophe, so an export can never carry one.
/// </summary>
public static class CsvText
{
    public static string SafeCell(string? text) =>
        string.IsNullOrEmpty(text) ? "" : "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    public static string Quote(string? text)
    {
        var safe = SafeCell(text);
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    public static string Line(params string?[] cells) => string.Join(',', cells.Select(Quote));

    public static string Write(IEnumerable<string?[]> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.Append(Line(row)).Append("\r\n");
        }
        return sb.ToString();
    }
}

/// <summary>
/// Rows as an Excel workbook. Every text cell goes through <see cref="CsvText.SafeCell"/>, so a value that
/// starts like a formula stays text even if someone re-saves the sheet as CSV.
/// </summary>
public static class XlsxExport
{
    public static byte[] Write(string sheet, IReadOnlyList<string?[]> rows)
    {
        var header = rows[0];
        var records = rows.Skip(1).Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                record[header[i] ?? $"column{i + 1}"] = CsvText.SafeCell(i < row.Length ? row[i] : null);
            }
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, records, sheetName: sheet);
        return stream.ToArray();
    }
}
