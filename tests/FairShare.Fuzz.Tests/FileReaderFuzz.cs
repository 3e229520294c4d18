using System.IO.Compression;
using System.Text;
using CsCheck;
using FairShare.Features.Imports;

namespace FairShare.Fuzz.Tests;

/// <summary>
/// The shared reader every import goes through (<see cref="TabularFile"/>), for CSV and for Excel workbooks. It
/// never throws: a file it cannot read is a problem in a sentence, and a row it cannot take is a row with a fault
/// naming its line. Every row without a fault has exactly the header's fields, none holding a line break, NUL or
/// damaged text, and the lines only go up.
/// </summary>
public sealed class FileReaderFuzz
{
    private static readonly ImportEncoding[] Encodings = [ImportEncoding.Utf8, ImportEncoding.Utf8, ImportEncoding.Windows1252];

    private static readonly string[] CsvSeeds =
    [
        .. Seeds.Csv.Values.SelectMany(s => s),
        "a,b\n\"1,5\",\"say \"\"hi\"\"\"\n  \"padded\"  ,\"\"\n",
        "\uFEFFa,b\r\n1,2\r\n\r\n3,4",
        "a\n\"\"\"\"\n\"\"\n",
        "a,b\nR-1,caf\u00e9 \u00b2 \u00a35\n",
    ];

    /// <summary>A CSV file to read: damaged seeds, or a table written as RFC 4180 that must read back exactly (<see cref="Table"/> set).</summary>
    public sealed record CsvCase(byte[] Content, ImportEncoding Encoding, string[][]? Table = null);

    /// <summary>Damaged files (the reader names each fault and never throws), and any table of fields — commas, quotes, spaces, Unicode, no line breaks — which reads back exactly.</summary>
    [Fact]
    public void TheCsvReader_NamesEveryFaultOfADamagedFile_ReadsBackAnyWellFormedOne_AndNeverThrows()
    {
        var damaged = Gen.Select(Hostile.Of([.. CsvSeeds.Select(Seeds.Bytes)]), Gen.OneOf(Encodings), (b, e) => new CsvCase(b, e));
        var field = Gen.Frequency(
            (4, Gen.String[Gen.Char["abcXYZ019 ,\"'.-£é\t"], 0, 12]),
            (1, Gen.String[Gen.Char.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFD'), 0, 30]),
            (1, Gen.OneOf("=1+2", "\"", "\"\"", ",", " \" ", "NULL", "\u00a0x\u00a0")));
        var name = Gen.String[Gen.Char["abcxyz"], 1, 8];
        var table = Gen.Int[1, 6].SelectMany(width => Gen.Select(name.Array[width], field.Array[width].Array[0, 20], (header, rows) => (string[][])[header, .. rows]));
        var wellFormed = Gen.Select(table, Gen.Bool, (rows, crlf) => new CsvCase(
            Encoding.UTF8.GetBytes(string.Join(crlf ? "\r\n" : "\n", rows.Select(r => string.Join(',', r.Select(Quote)))) + "\n"), ImportEncoding.Utf8, rows));
        Fuzzing.Run("csv", Gen.Frequency((3, damaged), (1, wellFormed)), ReadCsv, c => $"{c.Encoding}: {Hostile.Show(c.Content)}");
    }

    private static string ReadCsv(CsvCase input)
    {
        var outcome = Read("file.csv", input.Content, input.Encoding);
        if (input.Table is { } rows)
        {
            var (file, problem) = TabularFile.Open("file.csv", input.Content);
            Fuzzing.Require(file is not null, $"a well-formed file refused: {problem}");
            Fuzzing.Require(file!.Header.SequenceEqual(rows[0]), $"header read as [{string.Join("|", file.Header)}]");
            var read = file.Rows.ToList();
            Fuzzing.Require(read.All(r => r.Fault is null), $"a fault in a well-formed file: {read.FirstOrDefault(r => r.Fault is not null).Fault}");
            var expected = rows.Skip(1).Where(r => r.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
            Fuzzing.Require(read.Select(r => r.Cells).SequenceEqual(expected, CellsComparer.Instance), "the rows read back differ from those written");
            return "read back exactly";
        }
        return outcome;
    }

    /// <summary>Quoted when it must be (a comma, a quote, space at either end); a field all spaces is read back as empty, as unquoted.</summary>
    private static string Quote(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    private sealed class CellsComparer : IEqualityComparer<string[]>
    {
        public static readonly CellsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(string[] obj) => obj.Length;
    }

    [Fact]
    public void TheWorkbookReader_OnDamagedWorkbooks_ZipBombsAndMissingParts_AnswersInASentence_AndNeverThrows() =>
        Fuzzing.Run("xlsx", Workbooks, bytes => Read("file.xlsx", bytes, ImportEncoding.Utf8), Hostile.Show);

    private static readonly byte[][] WorkbookSeeds = [.. Seeds.Csv.Values.SelectMany(s => s).Select(s => Seeds.Workbook(s)!)];

    /// <summary>Cell and row references and dimensions at and past Excel's bounds, and not references at all.</summary>
    private static readonly string[] References = ["A1048576", "XFD1", "XFE1", "ZZZZZ1", "A0", "A-1", "1", "", "A99999999999", "A1:XFD1048576", "AAAA2", "2", "1048577", "-1", "99999999999"];

    private static readonly Lazy<byte[][]> Bombs = new(() =>
    [
        Seeds.Zip(("xl/workbook.xml", 10), ("xl/worksheets/sheet1.xml", TabularFile.MaxWorkbookBytes + 1)),
        Seeds.Zip([.. Enumerable.Range(0, TabularFile.MaxWorkbookEntries + 1).Select(i => ($"xl/part{i}.xml", 1L)), ("xl/workbook.xml", 1)]),
        Seeds.Zip(("xl/workbook.xml", 10), ("a", 60L << 20), ("b", 60L << 20)),
        Lying(Seeds.Zip(("xl/workbook.xml", 10), ("xl/worksheets/sheet1.xml", TabularFile.MaxWorkbookBytes + 1))),
        Lying(WorkbookSeeds[0]),
    ]);

    /// <summary>Every part of a workbook: real ones damaged in their bytes, in their parts (removed, emptied, their XML damaged), bombs, and what is no workbook at all.</summary>
    private static Gen<byte[]> Workbooks { get; } = Gen.Frequency(
        (3, Hostile.Of(WorkbookSeeds)),
        (6, Gen.Select(Gen.Int[0, WorkbookSeeds.Length - 1], Gen.Int[0, 40], Hostile.Mutations, Gen.Int[0, 3],
            (seed, part, changes, how) => Reparted(WorkbookSeeds[seed], part, changes, how))),
        (2, Gen.Select(Gen.Int[0, WorkbookSeeds.Length - 1], Gen.Int[0, int.MaxValue], Gen.OneOf(References), (seed, at, reference) => Referenced(WorkbookSeeds[seed], at, reference))),
        (1, Gen.Int[0, 4].Select(i => Bombs.Value[i])),
        (1, Gen.Byte.Array[0, 3000].Select(b => (byte[])[.. "PK\u0003\u0004"u8, .. b])),
        (1, Hostile.Of([.. CsvSeeds.Select(Seeds.Bytes)])));

    /// <summary>The workbook with one part removed (how 0), emptied (1), its XML damaged (2), or damaged and added again under a second name (3).</summary>
    internal static byte[] Reparted(byte[] workbook, int part, Mutation[] changes, int how)
    {
        using var input = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var parts = input.Entries.Select(e => (e.FullName, Bytes: ReadAll(e))).ToList();
        var (name, bytes) = parts[part % parts.Count];
        parts.RemoveAt(part % parts.Count);
        switch (how)
        {
            case 1: parts.Add((name, [])); break;
            case 2: parts.Add((name, Hostile.Apply(bytes, changes))); break;
            case 3: parts.Add((name, bytes)); parts.Add((name.ToUpperInvariant(), Hostile.Apply(bytes, changes))); break;
            default: break;
        }
        return Zipped(parts);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Zipped(IEnumerable<(string Name, byte[] Bytes)> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(bytes);
            }
        }
        return output.ToArray();
    }

    /// <summary>The workbook with one reference in its sheet (r="…" or ref="…") replaced by <paramref name="reference"/>.</summary>
    internal static byte[] Referenced(byte[] workbook, int at, string reference)
    {
        using var input = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var parts = input.Entries.Select(e => (e.FullName, Bytes: ReadAll(e))).ToList();
        var sheet = parts.FindIndex(p => p.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var xml = Encoding.UTF8.GetString(parts[sheet].Bytes);
        var references = System.Text.RegularExpressions.Regex.Matches(xml, "(?<= (r|ref)=\")[^\"]*");
        if (references.Count > 0)
        {
            var m = references[at % references.Count];
            xml = xml[..m.Index] + reference + xml[(m.Index + m.Length)..];
        }
        parts[sheet] = (parts[sheet].FullName, Encoding.UTF8.GetBytes(xml));
        return Zipped(parts);
    }

    /// <summary>The zip with every entry claiming to unpack to 100 bytes, whatever it holds.</summary>
    private static byte[] Lying(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith("PK\u0001\u0002"u8))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 100u);
            }
            else if (bytes.AsSpan(i).StartsWith("PK\u0003\u0004"u8))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 100u);
            }
        }
        return bytes;
    }

    /// <summary>Reads the whole file, checking every row; the outcome is the file's problem or the first row's fault, shaped.</summary>
    internal static string Read(string name, byte[] content, ImportEncoding encoding)
    {
        var (file, problem) = TabularFile.Open(name, content, encoding);
        if (file is null)
        {
            Fuzzing.Require(!string.IsNullOrWhiteSpace(problem), "refused without a reason");
            return "file: " + problem;
        }
        Fuzzing.Require(problem is null, "a file and a problem both");
        var last = 1;
        string? fault = null;
        var rows = 0;
        foreach (var row in file.Rows)
        {
            Fuzzing.Require(row.Line > last, $"line {row.Line} after line {last}");
            last = row.Line;
            rows++;
            if (row.Fault is { } f)
            {
                Fuzzing.Require(f.Length > 0, $"line {row.Line}: an empty fault");
                fault ??= f;
                continue;
            }
            Fuzzing.Require(row.Cells.Length == file.Header.Count, $"line {row.Line}: {row.Cells.Length} cells, header {file.Header.Count}, no fault");
            Fuzzing.Require(!row.Cells.Any(c => c.AsSpan().IndexOfAny("\r\n\0\uFFFD") >= 0), $"line {row.Line}: a cell holds a line break, NUL or U+FFFD, no fault");
            Fuzzing.Require(row.Cells.Any(c => !string.IsNullOrWhiteSpace(c)), $"line {row.Line}: a blank row kept");
        }
        return fault is null ? $"read {(rows == 0 ? "no rows" : "rows")}" : "row: " + fault;
    }
}
