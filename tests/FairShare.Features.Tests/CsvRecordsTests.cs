using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FairShare.Features.Imports;

namespace FairShare.Features.Tests;

/// <summary>
/// Imports read CSV with a reader of ours. Every well-formed file (no field running onto the next line) it reads
/// as CsvHelper, configured as imports had it, did; what CsvHelper let through silently it names as a row fault.
/// </summary>
public class CsvRecordsTests
{
    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n3,4")]
    [InlineData("a,b\r1,2\r3,4\r")]
    [InlineData("a,b\n\n1,2\n\n\n3,4\n")]
    [InlineData("a,b\n \t, \n1,2\n")]
    [InlineData("a , b \n  1  ,  two words  \n")]
    [InlineData("a,b\n\"1,5\",\"say \"\"hi\"\"\"\n")]
    [InlineData("a,b\n  \"padded\"  ,\"\"\n")]
    [InlineData("a,b\n1,\n,2\n,\n")]
    [InlineData("a\n\"\"\"\"\n\"\"\n")]
    [InlineData("\uFEFFa,b\n1,2\n")]
    [InlineData("a,b\n=1+2,@SUM(A1)\n")]
    [InlineData("a,b\nR-1,caf\u00e9 \u00b2\n")]
    public void ReadsAsCsvHelperDid(string csv) => AssertSameAsCsvHelper(csv);

    [Fact]
    public void ReadsRandomFilesAsCsvHelperDid()
    {
        var random = new Random(20261125);
        string[] pieces = ["x", "12.50", " spaced ", "", "\"q\"", "\"a,b\"", "\"say \"\"it\"\"\"", " \"pad\" ", "\"\"", "caf\u00e9"];
        string[] endings = ["\n", "\r\n"];
        for (var file = 0; file < 300; file++)
        {
            var csv = new StringBuilder("recordId,date,quantity\n");
            var ending = endings[random.Next(endings.Length)];
            for (var row = random.Next(0, 30); row > 0; row--)
            {
                if (random.Next(8) == 0)
                {
                    csv.Append(ending);
                }
                var cells = 3;
                for (var c = 0; c < cells; c++)
                {
                    csv.Append(c > 0 ? "," : "").Append(pieces[random.Next(pieces.Length)]);
                }
                csv.Append(ending);
            }
            if (random.Next(3) == 0)
            {
                csv.Length -= ending.Length; // no line break after the last record
            }
            AssertSameAsCsvHelper(csv.ToString());
        }
    }

    [Fact]
    public void ReadsLineBreaksAtTheBuffersEdge()
    {
        var csv = new StringBuilder("id,text\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(i).Append(',').Append(i % 97 == 0 ? $"\"{new string('y', 3_000)}\"\"end\"\"\"" : new string('x', i % 50)).Append("\r\n");
        }
        AssertSameAsCsvHelper(csv.ToString());
    }

    [Theory]
    [InlineData("a,b,c\n1,\"open,2\n3,4,5\n", 2, "has a quote that is not closed on this line")]
    [InlineData("a,b,c\n1,2,\"never closed\n", 2, "has a quote that is not closed on this line")]
    [InlineData("a,b\n\"line one\nline two\",x\n", 2, "has a quote that is not closed on this line")]
    [InlineData("a,b\n\"quoted\" tail,x\n", 2, "has text after the closing quote of field 1")]
    [InlineData("a,b\n1,2,3\n", 2, "has 3 fields; the header has 2. A number written with a thousands separator")]
    [InlineData("a,b,c\nonly one\n", 2, "has 1 fields; the header has 3.")]
    [InlineData("a,b\nx\u0000y,2\n", 2, "holds the character U+0000 at position 2")]
    [InlineData("a,b\nR-1,caf\uFFFD\n", 2, "holds the character U+FFFD at position 8, which replaces text damaged")]
    [InlineData("a,b\n\n1,\u0085\n", 3, "holds the character U+0085")]
    public void NamesWhatIsWrongWithARow_OnItsLine_AndReadsTheNextLinesAsRows(string csv, int line, string fault)
    {
        var rows = Open(csv).Rows.ToList();
        var bad = Assert.Single(rows, r => r.Fault is not null);
        Assert.Equal(line, bad.Line);
        Assert.StartsWith(fault, bad.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public void AStrayQuote_SpoilsOnlyItsOwnLine()
    {
        // It once swallowed every following line into one record: "Imported 1 usage rows".
        var rows = Open("id,text,n\nR-1,\"stray,1\nR-2,fine,2\nR-3,fine,3\n").Rows.ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
        Assert.NotNull(rows[0].Fault);
        Assert.Equal(["R-2", "fine", "2"], rows[1].Cells);
        Assert.Null(rows[2].Fault);
    }

    [Fact]
    public void ARecordLongerThanTheLimit_IsAFault_AndTheBufferGrowsPastIt()
    {
        var rows = Open($"id,text\n1,{new string('z', 70_000)}\n2,short\n").Rows.ToList();
        Assert.StartsWith("is 70,002 characters long; a row may be at most 4,000.", rows[0].Fault, StringComparison.Ordinal);
        Assert.Equal(["2", "short"], rows[1].Cells);
    }

    [Theory]
    [InlineData(new byte[] { }, "The file is empty.")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, "The file is saved as UTF-16")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00 }, "The file is a zip or an Excel workbook, not CSV")]
    [InlineData(new byte[] { 0x61, 0x0A, 0xA3, 0x35, 0x0A }, "Line 2 is not UTF-8 text")]
    public void RefusesWhatIsNotUtf8Csv_NamingTheLineAndTheFix(byte[] content, string problem)
    {
        var (file, reason) = TabularFile.Open("file.csv", content);
        Assert.Null(file);
        Assert.StartsWith(problem, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsWindows1252_WhenTheUserSaysSo_AndNeverGuesses()
    {
        byte[] content = [.. "a,b\nR-1,"u8, 0xA3, .. "5 caf"u8, 0xE9, (byte)'\n'];
        Assert.Null(TabularFile.Open("file.csv", content).File);
        var (file, _) = TabularFile.Open("file.csv", content, ImportEncoding.Windows1252);
        Assert.Equal("\u00a35 caf\u00e9", file!.Rows.Single().Cells[1]);
        // Windows-1252 leaves five bytes unassigned: read as control characters, refused on their line.
        var undefined = TabularFile.Open("file.csv", [.. "a,b\nR-1,x"u8, 0x81, (byte)'\n'], ImportEncoding.Windows1252).File!;
        Assert.StartsWith("holds the character U+0081", undefined.Rows.Single().Fault, StringComparison.Ordinal);
        // A UTF-8 file said to be Windows-1252 carries its own mark: refused, not read as mojibake.
        Assert.StartsWith("The file says it is UTF-8", TabularFile.Open("file.csv", [0xEF, 0xBB, 0xBF, .. "a\n1\n"u8], ImportEncoding.Windows1252).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsUtf8_WithOrWithoutItsMark()
    {
        Assert.Equal("\u00a35", TabularFile.Open("file.csv", [0xEF, 0xBB, 0xBF, .. "a\n\u00a35\n"u8]).File!.Rows.Single().Cells[0]);
        Assert.Equal("\u00a35", TabularFile.Open("file.csv", [.. "a\n\u00a35\n"u8]).File!.Rows.Single().Cells[0]);
    }

    private static TabularFile Open(string csv) => TabularFile.Open("file.csv", Encoding.UTF8.GetBytes(csv)).File!;

    private static void AssertSameAsCsvHelper(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var file = TabularFile.Open("file.csv", bytes).File!;
        var rows = file.Rows.ToList();
        Assert.All(rows, r => Assert.Null(r.Fault));
        var ours = rows.Select(r => (r.Line, string.Join("|", r.Cells))).ToList();

        using var parser = new CsvParser(new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true),
            new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, TrimOptions = TrimOptions.Trim });
        var header = parser.Read() ? (parser.Record ?? []).Select(h => h.Trim()).ToArray() : [];
        var theirs = new List<(int, string)>();
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (!record.All(string.IsNullOrWhiteSpace))
            {
                theirs.Add((parser.Row, string.Join("|", record)));
            }
        }
        Assert.Equal(header, file.Header);
        Assert.Equal(theirs, ours);
    }
}
