using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace FairShare.Features.Imports;

/// <summary>
/// Reads CSV (RFC 4180) a record at a time: fields separated by commas, records by CRLF, LF or CR; a field in
/// double quotes may hold commas, line breaks and doubled quotes. Whitespace around a field is trimmed, blank
/// lines are skipped, and text after a closing quote is kept as part of the field rather than refused. Each
/// record carries its row number, blank lines counted and a quoted line break not, as a spreadsheet numbers it.
/// </summary>
/// <remarks>
/// Ours rather than a library's because a usage file is read a million records at a time in a process that has
/// just started: the runtime compiles other libraries' code unoptimised first and optimises it only once start-up
/// has quietened down, which for a first import was after most of the file had been read. This code is compiled
/// optimised at once (<see cref="MethodImplOptions.AggressiveOptimization"/>).
/// </remarks>
internal sealed class CsvRecords(TextReader reader) : IEnumerable<(int Line, string[] Cells)>, IEnumerator<(int Line, string[] Cells)>
{
    private char[] buffer = new char[1 << 16];
    private int start;
    private int end;
    private bool atEnd;
    private int rows;
    private readonly List<string> fields = [];
    private readonly StringBuilder quoted = new();

    /// <summary>The row number (from 1) of the record last read.</summary>
    public int Line { get; private set; }

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
            if (!record.IsWhiteSpace())
            {
                return Split(record);
            }
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
                var crlf = c == '\r' && hasNext && buffer[i + 1] == '\n';
                if (!inQuotes)
                {
                    ending = crlf ? 2 : 1;
                    return scanned + at;
                }
                scanned += at + (crlf ? 2 : 1);
            }
        }
    }

    /// <summary>Where the field under way starts, given text passed over from <paramref name="scanned"/>: after its last comma, if any.</summary>
    private static int FieldStartAfter(ReadOnlySpan<char> passed, int scanned, int fieldStart)
    {
        var comma = passed.LastIndexOf(',');
        return comma < 0 ? fieldStart : scanned + comma + 1;
    }

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string[] Split(ReadOnlySpan<char> record)
    {
        fields.Clear();
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
                // No closing quote: the rest of the record is the field.
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
        quoted.Append((comma < 0 ? rest : rest[..comma]).TrimEnd());
        fields.Add(quoted.ToString());
        return comma < 0 ? -1 : at + comma + 1;
    }

    /// <summary>The rows after the one read first, with their row numbers, skipping any whose every field is blank. Enumerable once.</summary>
    public IEnumerator<(int Line, string[] Cells)> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    public (int Line, string[] Cells) Current { get; private set; }

    object IEnumerator.Current => Current;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        while (Read() is { } record)
        {
            foreach (var field in record)
            {
                if (!string.IsNullOrWhiteSpace(field))
                {
                    Current = (Line, record);
                    return true;
                }
            }
        }
        return false;
    }

    public void Reset() => throw new NotSupportedException("A file's rows are read once.");

    public void Dispose() => reader.Dispose();
}
