using System.Buffers;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace FairShare.Features.Imports;

/// <summary>
/// Reads CSV (RFC 4180) a record at a time: fields separated by commas, records by CRLF, LF or CR; a field in
/// double quotes may hold commas and doubled quotes. Whitespace around a field is trimmed and blank lines are
/// skipped. Each record carries its line number, blank lines counted.
/// </summary>
/// <remarks>
/// Strict where a lenient reader would lose or invent data, and each fault is named on its record's line
/// (<see cref="CsvRow.Fault"/>) rather than carried into the next ones: no import's columns hold line breaks, so a
/// quoted field that runs past the end of its line has lost its closing quote, and the line ends there (a stray
/// quote once swallowed the rest of a file into one record); text after a closing quote, a control character
/// (NUL, U+0001–U+001F but tab, U+007F–U+009F) or the replacement character U+FFFD (text damaged by an earlier
/// conversion), and a record longer than <see cref="MaxRecordLength"/> characters are faults too.
/// </remarks>
/// <remarks>
/// Ours rather than a library's because a usage file is read a million records at a time in a process that has
/// just started: the runtime compiles other libraries' code unoptimised first and optimises it only once start-up
/// has quietened down, which for a first import was after most of the file had been read. This code is compiled
/// optimised at once (<see cref="MethodImplOptions.AggressiveOptimization"/>).
/// </remarks>
internal sealed class CsvRecords(TextReader reader) : IEnumerable<CsvRow>, IEnumerator<CsvRow>
{
    /// <summary>The longest record read: a usage row is about 60 characters, a provider cost's at most about 300.</summary>
    public const int MaxRecordLength = 4_000;

    private static readonly SearchValues<char> Damaged = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFD");

    private char[] buffer = new char[1 << 16];
    private int start;
    private int end;
    private bool atEnd;
    private int rows;
    private readonly List<string> fields = [];
    private readonly StringBuilder quoted = new();

    /// <summary>The row number (from 1) of the record last read.</summary>
    public int Line { get; private set; }

    /// <summary>What is wrong with the record last read, or null.</summary>
    public string? Fault { get; private set; }

    private bool unclosed;

    /// <summary>The next record that is not a blank line, or null at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string[]? Read()
    {
        while (true)
        {
            var length = RecordLength(out var ending);
            if (length < 0)
            {
                return null;
            }
            Line = ++rows;
            var record = buffer.AsSpan(start, length);
            start += length + ending;
            Fault = null;
            if (record.IsWhiteSpace())
            {
                unclosed = false;
                continue;
            }
            if (record.Length > MaxRecordLength)
            {
                unclosed = false;
                Fault = $"is {record.Length:N0} characters long; a row may be at most {MaxRecordLength:N0}.";
                return [];
            }
            var fields = Split(record);
            if (unclosed)
            {
                unclosed = false;
                Fault = "has a quote that is not closed on this line; a field may not run onto the next line. Close the quote, or remove it.";
            }
            else if (NotText(record) is { } notText)
            {
                Fault = notText;
            }
            return fields;
        }
    }

    /// <summary>
    /// The length of the next record in the buffer (reading more as needed) and of its ending (0 at the end of the
    /// file, 1 or 2); -1 when nothing is left. A quote opens a quoted field only first in a field (after any
    /// whitespace); elsewhere it is text. The search skips whole fields: it stops only at quotes and line ends
    /// (a usage record has none but its end), and looks back for the comma before a quote.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RecordLength(out int ending)
    {
        var scanned = 0; // from start: how much of the record has been looked at
        var fieldStart = 0; // from start: where the current field began; -1 once its quotes have closed
        var inQuotes = false;
        while (true)
        {
            var rest = buffer.AsSpan(start + scanned, end - start - scanned);
            var at = rest.IndexOfAny('"', '\r', '\n');
            if (at < 0)
            {
                fieldStart = inQuotes ? fieldStart : FieldStartAfter(rest, scanned, fieldStart);
                scanned = end - start;
                if (atEnd)
                {
                    ending = 0;
                    return scanned == 0 ? -1 : scanned;
                }
                Fill();
                continue;
            }
            var i = start + scanned + at;
            var c = buffer[i];
            var hasNext = i + 1 < end;
            if (!hasNext && !atEnd && (c == '\r' || (c == '"' && inQuotes)))
            {
                // The next character decides (CRLF or CR; a doubled quote or a closing one): read it first.
                Fill();
                continue;
            }
            if (c == '"')
            {
                if (inQuotes && hasNext && buffer[i + 1] == '"')
                {
                    scanned += at + 2;
                    continue;
                }
                if (inQuotes)
                {
                    inQuotes = false;
                    fieldStart = -1;
                    scanned += at + 1;
                    continue;
                }
                fieldStart = FieldStartAfter(rest[..at], scanned, fieldStart);
                if (fieldStart >= 0 && buffer.AsSpan(start + fieldStart, scanned + at - fieldStart).IsWhiteSpace())
                {
                    inQuotes = true;
                }
                scanned += at + 1;
            }
            else
            {
                // A line break ends the record, also inside quotes: no import's fields hold line breaks, so the quote has
                // lost its closing partner, and the record is refused (unclosed) rather than run on into the next lines.
                var crlf = c == '\r' && hasNext && buffer[i + 1] == '\n';
                unclosed = inQuotes;
                ending = crlf ? 2 : 1;
                return scanned + at;
            }
        }
    }

    /// <summary>Where the field under way starts, given text passed over from <paramref name="scanned"/>: after its last comma, if any.</summary>
    private static int FieldStartAfter(ReadOnlySpan<char> passed, int scanned, int fieldStart)
    {
        var comma = passed.LastIndexOf(',');
        return comma < 0 ? fieldStart : scanned + comma + 1;
    }

    /// <summary>Why text holds what is not text (a control character, U+FFFD), naming its position; null if it holds none.</summary>
    internal static string? NotText(ReadOnlySpan<char> text) =>
        text.IndexOfAny(Damaged) is var bad and >= 0
            ? $"holds the character U+{(int)text[bad]:X4} at position {bad + 1}"
                + (text[bad] == '\uFFFD' ? ", which replaces text damaged by an earlier conversion; export the file again from its source." : ", which is not text; remove it.")
            : null;

    /// <summary>Moves what is unread to the front of the buffer (growing it if a record fills it) and reads more.</summary>
    private void Fill()
    {
        var unread = end - start;
        if (unread == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        else if (start > 0)
        {
            buffer.AsSpan(start, unread).CopyTo(buffer);
        }
        start = 0;
        end = unread;
        var read = reader.Read(buffer, end, buffer.Length - end);
        end += read;
        atEnd = read == 0;
    }

    private int? textAfterQuote;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string[] Split(ReadOnlySpan<char> record)
    {
        fields.Clear();
        textAfterQuote = null;
        while (true)
        {
            var field = record.TrimStart();
            int next;
            if (field.Length > 0 && field[0] == '"')
            {
                next = Quoted(record, record.Length - field.Length + 1);
            }
            else
            {
                var comma = record.IndexOf(',');
                fields.Add((comma < 0 ? record : record[..comma]).Trim().ToString());
                next = comma < 0 ? -1 : comma + 1;
            }
            if (next < 0)
            {
                if (textAfterQuote is { } quotedField && !unclosed)
                {
                    Fault = $"has text after the closing quote of field {quotedField}; put the whole field in quotes, and double any quote inside it.";
                }
                return [.. fields];
            }
            record = record[next..];
        }
    }

    /// <summary>Adds the quoted field whose text starts at <paramref name="at"/>; returns where the next field starts, or -1.</summary>
    private int Quoted(ReadOnlySpan<char> record, int at)
    {
        quoted.Clear();
        while (true)
        {
            var quote = record[at..].IndexOf('"');
            if (quote < 0)
            {
                // No closing quote: the rest of the record is the field, and the record is refused.
                unclosed = true;
                quoted.Append(record[at..]);
                fields.Add(quoted.ToString());
                return -1;
            }
            quoted.Append(record.Slice(at, quote));
            at += quote + 1;
            if (at < record.Length && record[at] == '"')
            {
                quoted.Append('"');
                at++;
                continue;
            }
            break;
        }
        var rest = record[at..];
        var comma = rest.IndexOf(',');
        var after = (comma < 0 ? rest : rest[..comma]).TrimEnd();
        if (after.Length > 0)
        {
            textAfterQuote ??= fields.Count + 1;
        }
        quoted.Append(after);
        fields.Add(quoted.ToString());
        return comma < 0 ? -1 : at + comma + 1;
    }

    /// <summary>The rows after the one read first, with their row numbers, skipping any whose every field is blank. Enumerable once.</summary>
    public IEnumerator<CsvRow> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    public CsvRow Current { get; private set; }

    object IEnumerator.Current => Current;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        while (Read() is { } record)
        {
            if (Fault is not null)
            {
                Current = new CsvRow(Line, record, Fault);
                return true;
            }
            foreach (var field in record)
            {
                if (!string.IsNullOrWhiteSpace(field))
                {
                    Current = new CsvRow(Line, record, null);
                    return true;
                }
            }
        }
        return false;
    }

    public void Reset() => throw new NotSupportedException("A file's rows are read once.");

    public void Dispose() => reader.Dispose();
}

/// <summary>A row of a file: its line, its cells, and what is wrong with it as a row (a quote not closed, a control character…), if anything.</summary>
public readonly record struct CsvRow(int Line, string[] Cells, string? Fault = null);
