using System.Globalization;
using System.IO.Compression;
using System.Text;
using FairShare.Domain.Recording;
using MiniExcelLibs;

namespace FairShare.Fuzz.Tests;

/// <summary>Valid files of every kind, each importable as it is into the demo database, that the fuzzers damage.</summary>
public static class Seeds
{
    public static readonly IReadOnlyDictionary<ImportKind, string[]> Csv = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Usage] =
        [
            "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nFZ-1,2027-01-05,F-OP,LEG-ADV,1,J-1,Fuzz\nFZ-2,2027-01-06,F-CSC,LEG-ADV,2.5,J-2,Fuzz\n",
            "recordId,date,buyer,offering,quantity,jobReference,recordedBy\r\n\"FZ-3\",2027-02-01,F-OP,LEG-ADV,\"10\",\"Job, with a comma\",\"A \"\"quoted\"\" name\"\r\n",
        ],
        [ImportKind.Drivers] =
        [
            "period,costCentre,driver,value\n2027-01,F-OP,desks,12\n2027-01,F-CSC,desks,30\n",
            "period,costCentre,driver,value\r\n2027-02,F-OP,m2,120.5\r\n2027-02,F-CSC,m2,80\r\n",
        ],
        [ImportKind.Costs] =
        [
            "period,costCentre,account,amount\n2027-01,S-LEG,3000,1200.50\n2027-01,S-LEG,9100,-30.00\n",
            "period,costCentre,account,amount\n2027-02,F-OP,9100,100\n",
        ],
        [ImportKind.Attributions] =
        [
            "period,provider,buyer,amount,description\n2027-01,S-LEG,F-CSC,420.00,Counsel for the Jones hearing\n",
            "period,provider,buyer,amount,description\n2027-02,S-LEG,F-OP,10.00,\"Court fee, paid\"\n",
        ],
        [ImportKind.Apportionments] =
        [
            "period,provider,driver,amount,description\n2027-01,S-INS,FTE,999.99,Motor fleet premium\n",
            "period,provider,driver,amount,description\n2027-02,S-INS,FTE,10,Small premium\n",
        ],
    };

    public static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);

    /// <summary>
    /// Rows of text written as Excel would write them: a real .xlsx, numbers as numbers, the first line the header
    /// (a name repeated is numbered, for the workbook's sake); null if the writer itself will not take the text.
    /// </summary>
    public static byte[]? Workbook(string csv)
    {
        var lines = csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return null;
        }
        // Linear in the header's width: a damaged header can be a line of a million commas.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var header = lines[0].Split(',').Select((name, i) => names.Add(name) && name.Length > 0 ? name : $"{name}~{i}").ToArray();
        var rows = lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return header.Select((name, i) => (name, value: i < cells.Length ? Cell(cells[i]) : null)).ToDictionary(p => p.name, p => p.value);
        }).ToList();
        try
        {
            using var stream = new MemoryStream();
            stream.SaveAs(rows);
            return stream.ToArray();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }

        static object? Cell(string text) =>
            decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && !text.StartsWith('0')
                ? n : text.Trim('"');
    }

    /// <summary>A zip of entries of the given sizes, each all spaces: a 100 MB entry packs into about 100 KB.</summary>
    public static byte[] Zip(params (string Name, long Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var left = bytes; left > 0; left -= chunk.Length)
                {
                    stream.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
                }
            }
        }
        return memory.ToArray();
    }
}
