using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using MiniExcelLibs;

namespace FairShare.Features.Imports;

/// <summary>How a CSV file's text is written. Excel workbooks carry their own (always Unicode).</summary>
public enum ImportEncoding
{
    /// <summary>UTF-8, with or without a byte-order mark: "CSV UTF-8" in Excel, and what most systems write.</summary>
    Utf8,

    /// <summary>Windows-1252 ("Western European"): Excel's plain "CSV" on a UK Windows machine, and many ledger exports.</summary>
    Windows1252,
}

/// <summary>
/// A file's rows as text, whatever it came as (CSV or Excel): a header and numbered lines, each row with
/// exactly the header's fields or a fault naming why not. The rows are read as they are enumerated, once, so
/// that a million-row file is never held as a million arrays.
/// </summary>
/// <remarks>
/// Nothing is guessed. A CSV file's text is UTF-8 unless the user says Windows-1252; bytes that are not the text
/// encoding chosen refuse the file, naming the first bad line and the fix. An Excel workbook is a zip: its
/// entries are counted and their sizes measured before any of it is parsed (<see cref="MaxWorkbookEntries"/>,
/// <see cref="MaxWorkbookBytes"/>), so a zip bomb is refused at the door.
/// </remarks>
public sealed class TabularFile
{
    /// <summary>The most entries an Excel workbook may hold (a workbook of one sheet has about a dozen).</summary>
    public const int MaxWorkbookEntries = 200;

    /// <summary>The most an Excel workbook may hold unpacked: 100 MB, about a quarter of a million usage rows; larger files go as CSV.</summary>
    public const long MaxWorkbookBytes = 100L * 1024 * 1024;

    /// <summary>
    /// The furthest row a sheet may reach (by its rows' and cells' numbers and its dimension), in line with
    /// <see cref="MaxWorkbookBytes"/>: the reader fills every gap with empty rows, so a 3 KB sheet whose one row is
    /// numbered 1,048,577 was read as a million rows, ten seconds of the server's time.
    /// </summary>
    public const int MaxWorkbookRows = 300_000;

    /// <summary>
    /// The furthest column a sheet may reach: 256 (IV), far past the widest import's 7. The reader gives every row
    /// the sheet's full width, so a 3 KB sheet claiming to reach column XFD took half a minute to read.
    /// </summary>
    public const int MaxWorkbookColumns = 256;

    private TabularFile(IReadOnlyList<string> header, IEnumerable<CsvRow> rows)
    {
        Header = header;
        Rows = WithWidth(rows, header.Count);
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows after the header, skipping blank ones; enumerable once. A row whose field count is not the header's has a fault.</summary>
    public IEnumerable<CsvRow> Rows { get; }

    /// <summary>The file's rows, or why it cannot be read at all (the whole file's problem, in a sentence).</summary>
    public static (TabularFile? File, string? Problem) Open(string fileName, byte[] content, ImportEncoding encoding = ImportEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => OpenExcel(content),
            ".XLS" => (null, "This is an old Excel file (.xls); save it as an Excel workbook (.xlsx) or as CSV UTF-8, and import that."),
            _ => OpenCsv(content, encoding),
        };
    }

    private static (TabularFile?, string?) OpenCsv(byte[] content, ImportEncoding encoding)
    {
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return (null, "The file is saved as UTF-16 (\"Unicode text\"); save it as CSV UTF-8 and import that.");
        }
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return (null, "The file is a zip or an Excel workbook, not CSV; if it is a workbook, name it .xlsx.");
        }
        var utf8Bom = content.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        TextReader text;
        if (encoding == ImportEncoding.Windows1252)
        {
            if (utf8Bom)
            {
                return (null, "The file says it is UTF-8 (it starts with a UTF-8 mark), not Windows-1252; import it as UTF-8.");
            }
            text = new StreamReader(new MemoryStream(content), Windows1252, detectEncodingFromByteOrderMarks: false);
        }
        else
        {
            if (!Utf8.IsValid(content))
            {
                return (null, $"Line {LineOf(content, FirstInvalidUtf8(content))} is not UTF-8 text (a £ or an accent saved in another encoding). "
                    + "If Excel saved it as plain \"CSV\", import it as Windows-1252, or save it as \"CSV UTF-8\" and import that.");
            }
            text = new StreamReader(new MemoryStream(content, utf8Bom ? 3 : 0, content.Length - (utf8Bom ? 3 : 0)), StrictUtf8, detectEncodingFromByteOrderMarks: false);
        }
        var csv = new CsvRecords(text);
        var header = csv.Read() ?? [];
        if (csv.Fault is { } fault)
        {
            return (null, $"The header (line {csv.Line}) {fault}");
        }
        return (new TabularFile(header, csv), null);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252; its five unassigned bytes decode to control characters, which the reader refuses by line.</summary>
    private static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static int FirstInvalidUtf8(byte[] content)
    {
        var chars = new char[4096];
        var at = 0;
        while (at < content.Length)
        {
            var status = Utf8.ToUtf16(content.AsSpan(at), chars, out var read, out _, replaceInvalidSequences: false);
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return at + read;
            }
            at += read;
        }
        return content.Length;
    }

    private static int LineOf(byte[] content, int offset) => content.AsSpan(0, offset).Count((byte)'\n') + 1;

    private static IEnumerable<CsvRow> WithWidth(IEnumerable<CsvRow> rows, int width)
    {
        foreach (var row in rows)
        {
            if (row.Fault is null && row.Cells.Length != width)
            {
                yield return row with
                {
                    Fault = $"has {row.Cells.Length} fields; the header has {width}."
                        + (row.Cells.Length > width ? " A number written with a thousands separator (1,000) must be written without it (1000); a text with a comma must be in quotes." : ""),
                };
            }
            else
            {
                yield return row;
            }
        }
    }

    private static (TabularFile?, string?) OpenExcel(byte[] content)
    {
        if (WorkbookProblem(content) is { } problem)
        {
            return (null, problem);
        }
        var rows = ExcelRows(content).GetEnumerator();
        var header = rows.MoveNext() ? rows.Current.Cells.Where(c => c.Length > 0).ToArray() : [];
        if (rows.Current.Fault is { } fault)
        {
            rows.Dispose();
            return (null, $"The header (row 1) {fault}");
        }
        return (new TabularFile(header, Rest(rows, header.Length)), null);

        static IEnumerable<CsvRow> Rest(IEnumerator<CsvRow> rows, int width)
        {
            using (rows)
            {
                while (rows.MoveNext())
                {
                    var row = rows.Current;
                    if (row.Fault is not null)
                    {
                        yield return row;
                    }
                    else if (row.Cells.Skip(width).FirstOrDefault(c => c.Length > 0) is { } beyond)
                    {
                        yield return row with { Cells = [.. row.Cells.Take(width)], Fault = $"has a value ('{Inputs.Parse.Shown(beyond)}') beyond the header's {width} columns." };
                    }
                    else if (!row.Cells.All(string.IsNullOrWhiteSpace))
                    {
                        yield return row with { Cells = [.. row.Cells, .. Enumerable.Repeat("", Math.Max(0, width - row.Cells.Length))] };
                    }
                }
            }
        }
    }

    /// <summary>
    /// Why a workbook will not be read, or null: not a zip, no workbook in it, too many entries, or more unpacked
    /// than <see cref="MaxWorkbookBytes"/> — counted by unpacking, not from the sizes the zip claims.
    /// </summary>
    private static string? WorkbookProblem(byte[] content)
    {
        const string notAWorkbook = "The file is not an Excel workbook (.xlsx): save it from Excel as \"Excel Workbook\" or as CSV UTF-8, and import that.";
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return notAWorkbook;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxWorkbookEntries)
            {
                return $"The workbook holds {zip.Entries.Count:N0} parts; a workbook may hold at most {MaxWorkbookEntries}. Save the sheet as CSV UTF-8 and import that.";
            }
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                return notAWorkbook;
            }
            var buffer = new byte[81920];
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                if (unpacked + entry.Length > MaxWorkbookBytes)
                {
                    return TooLarge();
                }
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    unpacked += read;
                    if (unpacked > MaxWorkbookBytes)
                    {
                        return TooLarge();
                    }
                }
            }
            // Only once the sizes are known to be bounded: how far each sheet claims to reach.
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)))
            {
                if (ExtentProblem(sheet) is { } extent)
                {
                    return extent;
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return notAWorkbook;
        }

        static string TooLarge() =>
            $"The workbook unpacks to more than {MaxWorkbookBytes / (1024 * 1024)} MB; save the sheet as CSV UTF-8 and import that. Nothing was read.";
    }

    /// <summary>
    /// Why a sheet reaches too far (a row past <see cref="MaxWorkbookRows"/> or a column past
    /// <see cref="MaxWorkbookColumns"/>, by its dimension or any row's or cell's reference), or null. Read as a
    /// stream of XML with no DTD; XML that is not well formed is left for the reader to report by row.
    /// </summary>
    private static string? ExtentProblem(ZipArchiveEntry sheet)
    {
        using var stream = sheet.Open();
        try
        {
            // Inside the catch: creating the reader already reads the declaration and decodes the first characters.
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true });
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                var reference = xml.LocalName switch
                {
                    "dimension" => xml.GetAttribute("ref"),
                    "row" or "c" => xml.GetAttribute("r"),
                    _ => null,
                };
                foreach (var cell in (reference ?? "").Split(':'))
                {
                    var (column, row) = Extent(cell);
                    if (row > MaxWorkbookRows)
                    {
                        return $"The sheet reaches row {(row == long.MaxValue ? "beyond any" : row.ToString("N0", CultureInfo.InvariantCulture))}; a workbook may have at most {MaxWorkbookRows:N0} rows. "
                            + "Save the sheet as CSV UTF-8 and import that. Nothing was read.";
                    }
                    if (column > MaxWorkbookColumns)
                    {
                        return $"The sheet reaches column {cell.TrimEnd("0123456789".ToCharArray())}; a workbook may have at most {MaxWorkbookColumns} columns (an import has at most 7). "
                            + "Delete the columns beyond the import's, or save the sheet as CSV UTF-8 and import that. Nothing was read.";
                    }
                }
            }
        }
        catch (XmlException)
        {
            // Damaged XML: the reader names the row it stops at.
        }
        return null;
    }

    /// <summary>A reference's column (A = 1) and row, as far as it has them (0 for none); long.MaxValue past any number.</summary>
    private static (long Column, long Row) Extent(string reference)
    {
        long column = 0, row = 0;
        foreach (var c in reference.Trim())
        {
            if (char.IsAsciiLetter(c) && row == 0)
            {
                column = column > (long.MaxValue - 26) / 26 ? long.MaxValue : (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            }
            else if (char.IsAsciiDigit(c))
            {
                row = row > (long.MaxValue - 9) / 10 ? long.MaxValue : (row * 10) + (c - '0');
            }
        }
        return (column, row);
    }

    /// <summary>The workbook's first sheet, row by row; a fault ends it if the sheet cannot be read on.</summary>
    private static IEnumerable<CsvRow> ExcelRows(byte[] content)
    {
        using var stream = new MemoryStream(content);
        IEnumerator<dynamic>? rows = null;
        var line = 0;
        while (true)
        {
            line++;
            string[]? cells;
            var damaged = false;
            try
            {
                // Opened here, inside the catch: MiniExcel reads the workbook's parts as it opens the sheet.
                rows ??= stream.Query(useHeaderRow: false).GetEnumerator();
                cells = rows.MoveNext() ? Cells((IDictionary<string, object?>)rows.Current) : null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // MiniExcel's own errors (bad XML, a broken part…): the reason is theirs, the answer ours.
                cells = null;
                damaged = true;
            }
            if (damaged)
            {
                rows?.Dispose();
                yield return new CsvRow(line, [], "could not be read: the workbook is damaged from this row on. Save it again from Excel, or as CSV UTF-8.");
                yield break;
            }
            if (cells is null)
            {
                rows?.Dispose();
                yield break;
            }
            yield return new CsvRow(line, cells, NotText(cells));
        }
    }

    /// <summary>
    /// What a workbook's cells hold that a CSV file's row may not, as the CSV reader says it (<see cref="CsvRecords.NotText"/>):
    /// a line break (no import's columns hold one), a control character or damaged text. Null if nothing.
    /// </summary>
    private static string? NotText(string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].AsSpan().IndexOfAny('\r', '\n') is var end and >= 0)
            {
                return $"has a line break in column {i + 1} at position {end + 1}; no import's columns hold line breaks. Remove it.";
            }
            if (CsvRecords.NotText(cells[i]) is { } fault)
            {
                return fault.Replace("at position", $"in column {i + 1} at position", StringComparison.Ordinal);
            }
        }
        return null;
    }

    private static string[] Cells(IDictionary<string, object?> row) =>
        [.. row.Values.Select(v => (v switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        }).Trim())];
}
