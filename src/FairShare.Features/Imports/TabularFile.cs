using System.Globalization;
using MiniExcelLibs;

namespace FairShare.Features.Imports;

/// <summary>
/// A file's rows as text, whatever it came as (CSV or Excel): a header and numbered lines. The rows are read
/// as they are enumerated, once, so that a million-row file is never held as a million arrays.
/// </summary>
public sealed class TabularFile
{
    private TabularFile(IReadOnlyList<string> header, IEnumerable<(int Line, string[] Cells)> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows after the header, skipping blank ones; enumerable once.</summary>
    public IEnumerable<(int Line, string[] Cells)> Rows { get; }

    public static TabularFile Open(string fileName, byte[] content) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => OpenExcel(content),
            _ => OpenCsv(content),
        };

    private static TabularFile OpenCsv(byte[] content)
    {
        var csv = new CsvRecords(new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true));
        var header = csv.Read() ?? [];
        return new TabularFile(header, csv);
    }

    private static TabularFile OpenExcel(byte[] content)
    {
        var rows = ExcelRows(content).GetEnumerator();
        var header = rows.MoveNext() ? rows.Current.Cells.Where(c => c.Length > 0).ToArray() : [];
        return new TabularFile(header, Rest(rows, header.Length));

        static IEnumerable<(int, string[])> Rest(IEnumerator<(int Line, string[] Cells)> rows, int width)
        {
            using (rows)
            {
                while (rows.MoveNext())
                {
                    if (!rows.Current.Cells.All(string.IsNullOrWhiteSpace))
                    {
                        yield return (rows.Current.Line, rows.Current.Cells.Take(width).ToArray());
                    }
                }
            }
        }
    }

    private static IEnumerable<(int Line, string[] Cells)> ExcelRows(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var line = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            line++;
            yield return (line, row.Values.Select(v => (v switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }).Trim()).ToArray());
        }
    }
}
