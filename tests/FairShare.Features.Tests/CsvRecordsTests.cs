using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FairShare.Features.Imports;

namespace FairShare.Features.Tests;

/// <summary>Imports read CSV with a reader of ours; it reads every file as CsvHelper, configured as imports had it, did.</summary>
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
    [InlineData("a,b\n\"line one\nline two\",x\n3,4\n")]
    [InlineData("a,b\n\"line one\r\nline two\r\n\",x\r\n3,4\r\n")]
    [InlineData("a,b\n  \"padded\"  ,\"\"\n")]
    [InlineData("a,b\n1,\n,2\n,\n")]
    [InlineData("a\n\"\"\"\"\n\"\"\n")]
    [InlineData("\uFEFFa,b\n1,2\n")]
    [InlineData("a,b\nonly one\n1,2,3\n")]
    [InlineData("a,b\n=1+2,@SUM(A1)\n")]
    [InlineData("a,b\nR-1,caf\u00e9 \u00b2\n")]
    public void ReadsAsCsvHelperDid(string csv) => AssertSameAsCsvHelper(csv);

    [Fact]
    public void ReadsRandomFilesAsCsvHelperDid()
    {
        var random = new Random(20261125);
        string[] pieces = ["x", "12.50", " spaced ", "", "\"q\"", "\"a,b\"", "\"two\nlines\"", "\"two\r\nlines\"", "\"say \"\"it\"\"\"", " \"pad\" ", "\"\"", "caf\u00e9"];
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
                var cells = random.Next(1, 5);
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
    public void ReadsRecordsLongerThanItsBuffer_AndLineBreaksAtTheBuffersEdge()
    {
        var csv = new StringBuilder("id,text\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(i).Append(',').Append(i % 97 == 0 ? $"\"{new string('y', 70_000)}\r\n\"\"end\"\"\"" : new string('x', i % 50)).Append("\r\n");
        }
        AssertSameAsCsvHelper(csv.ToString());
    }

    private static void AssertSameAsCsvHelper(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var file = TabularFile.Open("file.csv", bytes);
        var ours = file.Rows.Select(r => (r.Line, string.Join("|", r.Cells))).ToList();

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
