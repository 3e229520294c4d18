using System.Globalization;
using System.Text;
using CsCheck;

namespace FairShare.Fuzz.Tests;

/// <summary>One change to a file: what kind of change, where (any number: taken modulo the file's length) and with what.</summary>
public readonly record struct Mutation(int Op, int At, int Value);

/// <summary>
/// Hostile data made from valid seeds, as a damaged export, a careless edit or an attacker would make it: flipped
/// and random bytes, stray quotes, CR/LF/NUL, byte-order marks, Windows-1252 and invalid UTF-8 bytes, odd Unicode,
/// huge and malformed numbers, far dates, very long fields, truncation, deleted and repeated runs and lines, and
/// fields replaced by values at and past every bound. CsCheck shrinks a crash to the fewest, smallest changes.
/// </summary>
public static class Hostile
{
    private const int Ops = 21;

    /// <summary>Values for a field: numbers at and past the bounds, far and impossible dates, codes nearly right, text that is not text.</summary>
    public static readonly string[] Values =
    [
        "", " ", "0", "-0", "1", "-1", "0.5", "1e20", "1E+308", "99999999999999999999999999999", "79228162514264337593543950335",
        "79228162514264337593543950336", "-79228162514264337593543950336", "0.0000000000000000000000000001", "1000000", "1000000.01",
        "-1000000000.01", "1000000000000", "1,000", "£12.50", "12.5.5", "0x10", "NaN", "Infinity", "١٢", "１２", " 12 ",
        "2027-01-05", "9999-12-31", "0001-01-01", "2027-02-30", "2027-13", "2027-01", "1800-05-01", "2099-05-01", "2026/27-P13",
        "2026/27-P14", "2026/27-P00", "2026/28-P01", "-2026-05", "２０２７-01-05", "２０２７-01", "٢٠٢٧-٠١", "2026/２７-P05", "2026-P13", "2027-1-5",
        "05/01/2027",
        "F-OP", "f-op", " F-OP ", "F-CSC", "S-LEG", "S-INS", "LEG-ADV", "FTE", "desks", "1000", "9100", "NOPE", "=1+2", "@SUM(A1)",
        "\"", "\"\"", "\"a,b\"", "a\u0000b", "M\uFFFDller", "\u202Eevil", "e\u0301", "\U0001F600", "\u2028", "\u00A0", "\u0085",
        "null", "true", "[]", "{}", "<x/>", "&amp;", new string('x', 81), new string('y', 201), new string('z', 5000),
    ];

    private static readonly byte[][] BadBytes =
    [
        [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xFF], [0xFE, 0xFF], [0xFF, 0xFE],
        [0x80], [0x81], [0x8D], [0x8F], [0x90], [0x9D], [0x92], [0x93], [0xA3], [0xE9],
    ];

    private static readonly string[] Separators = [",", ";", "\t", "|", "\"\"", "\",\"", "\r\n", "\n\n", ",,", " "];

    public static Gen<Mutation> Mutation { get; } =
        Gen.Select(Gen.Int[0, Ops - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (op, at, value) => new Mutation(op, at, value));

    /// <summary>None to a dozen changes: none keeps a valid seed valid, so accepted files are tried too.</summary>
    public static Gen<Mutation[]> Mutations { get; } = Mutation.Array[0, 12];

    /// <summary>One of the seeds, changed.</summary>
    public static Gen<byte[]> Of(IReadOnlyList<byte[]> seeds) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Mutations, (seed, changes) => Apply(seeds[seed], changes));

    /// <summary>One of the seeds as text, changed (the bytes taken back as UTF-8, damage and all).</summary>
    public static Gen<string> Text(IReadOnlyList<string> seeds) =>
        Of([.. seeds.Select(Encoding.UTF8.GetBytes)]).Select(b => Encoding.UTF8.GetString(b));

    /// <summary>The most a file grows to: past it, changes that add are skipped (a long row or a long file needs far less to be tried).</summary>
    public const int MaxBytes = 1 << 20;

    public static byte[] Apply(byte[] seed, IEnumerable<Mutation> changes)
    {
        var b = new List<byte>(seed);
        foreach (var (op, at0, v) in changes)
        {
            if (b.Count > MaxBytes && op is 10 or 13 or 16)
            {
                continue;
            }
            var at = at0 % (b.Count + 1);
            switch (op)
            {
                case 0 when b.Count > 0: b[at % b.Count] ^= (byte)(1 << (v % 8)); break;
                case 1: b.Insert(at, (byte)v); break;
                case 2: b.Insert(at, (byte)'"'); break;
                case 3: b.Insert(at, (byte)'\r'); break;
                case 4: b.Insert(at, (byte)'\n'); break;
                case 5: b.Insert(at, 0); break;
                case 6: b.Insert(at, (byte)','); break;
                case 7: b.InsertRange(v % 2 == 0 ? 0 : at, Encoding.UTF8.Preamble.ToArray()); break;
                case 8: b.InsertRange(at, BadBytes[v % BadBytes.Length]); break;
                case 9: b.InsertRange(at, Encoding.UTF8.GetBytes(Values[v % Values.Length])); break;
                case 10: b.InsertRange(at, Enumerable.Repeat((byte)'x', v % 12_000)); break;
                case 11: b.RemoveRange(at, b.Count - at); break;
                case 12: b.RemoveRange(at, Math.Min(v % 16, b.Count - at)); break;
                case 13: b.InsertRange(at, b.GetRange(at, Math.Min(v % 64, b.Count - at))); break;
                case 14: b.InsertRange(at, Encoding.UTF8.GetBytes(Separators[v % Separators.Length])); break;
                case 15: ReplaceField(b, at, Values[v % Values.Length]); break;
                case 16: RepeatLine(b, at, v % 300); break;
                case 17 when b.Count > 0: b[at % b.Count] = (byte)v; break;
                case 18: b.InsertRange(at, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(decimal)v / 100}"))); break;
                case 19: DeleteLine(b, at); break;
                case 20: ReplaceField(b, at, Values[v % Values.Length] + Values[(v / Values.Length) % Values.Length]); break;
                default: break;
            }
        }
        return [.. b];
    }

    /// <summary>Replaces the comma-separated field around <paramref name="at"/> (within its line) with <paramref name="value"/>.</summary>
    private static void ReplaceField(List<byte> b, int at, string value)
    {
        var start = at;
        while (start > 0 && b[start - 1] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
        {
            start--;
        }
        var end = at;
        while (end < b.Count && b[end] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
        {
            end++;
        }
        b.RemoveRange(start, end - start);
        b.InsertRange(start, Encoding.UTF8.GetBytes(value));
    }

    private static (int Start, int End) LineAround(List<byte> b, int at)
    {
        var start = at;
        while (start > 0 && b[start - 1] != '\n')
        {
            start--;
        }
        var end = at;
        while (end < b.Count && b[end] != '\n')
        {
            end++;
        }
        return (start, Math.Min(end + 1, b.Count));
    }

    private static void RepeatLine(List<byte> b, int at, int times)
    {
        var (start, end) = LineAround(b, at);
        var line = b.GetRange(start, end - start);
        for (var i = 0; i < Math.Min(times, MaxBytes / Math.Max(1, line.Count)); i++)
        {
            b.InsertRange(end, line);
        }
    }

    private static void DeleteLine(List<byte> b, int at)
    {
        var (start, end) = LineAround(b, at);
        b.RemoveRange(start, end - start);
    }

    /// <summary>Bytes shown as C# would write them, cut at 2,000 characters: what a crash report needs to become a regression test.</summary>
    public static string Show(byte[] bytes)
    {
        var text = new StringBuilder("\"");
        foreach (var c in Encoding.Latin1.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 2_000))))
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when c is < ' ' or > '~' => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').Append(bytes.Length > 2_000 ? $"… ({bytes.Length:N0} bytes)" : "").ToString();
    }
}
