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
