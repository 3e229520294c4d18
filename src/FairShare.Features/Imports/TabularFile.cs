using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace FairShare.Features.Imports;

/// <summary>A file's rows as text, whatever it came as (CSV or Excel): a header and numbered lines.</summary>
public sealed record TabularFile(IReadOnlyList<string> Header, IReadOnlyList<(int Line, string[] Cells)> Rows)
{
    public static TabularFile Read(string fileName, byte[] content)
    {
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => ReadExcel(content),
            _ => ReadCsv(content),
        };
    }

    private static TabularFile ReadCsv(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, TrimOptions = TrimOptions.Trim });
        var rows = new List<(int, string[])>();
        string[]? header = null;
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (header is null)
            {
                header = record.Select(h => h.Trim()).ToArray();
                continue;
            }
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            rows.Add((csv.Row, record));
        }
        return new TabularFile(header ?? [], rows);
    }

    private static TabularFile ReadExcel(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = new List<(int, string[])>();
        string[]? header = null;
        var line = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            line++;
            var cells = row.Values.Select(v => v switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }).ToArray();
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            rows.Add((line, cells.Take(header.Length).Select(c => c.Trim()).ToArray()));
        }
        return new TabularFile(header ?? [], rows);
    }
}
