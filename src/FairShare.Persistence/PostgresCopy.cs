using System.Buffers.Binary;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;

namespace FairShare.Persistence;

/// <summary>
/// Many rows into PostgreSQL by binary COPY. PostgreSQL refuses COPY FROM into a table under row-level
/// security, which every tenant table is, so the rows are copied into a temporary table of the same columns
/// (private to the session, dropped at commit or rollback) and moved into the real table by one INSERT …
/// SELECT, which the policies check row by row like any insert. (Usage, the one table written a million rows at a
/// time, is partitioned by authority so that an import can COPY straight into its own partition: see migration
/// UsagePartitionedByAuthority.) The rows are encoded here, in PostgreSQL's
/// binary COPY format (<see cref="CopyBuffer"/>), and sent as raw bytes: Npgsql's importer does bookkeeping for
/// every value, which on a million-row import sat on the writer's critical path (figures in docs/recharge.md).
/// </summary>
internal static class PostgresCopy
{
    /// <summary>Appends one column of <paramref name="row"/> to the row being encoded.</summary>
    public delegate void Encoder<in T>(CopyBuffer buffer, T row);

    private const int FlushAt = 1 << 20;

    public static Task<long> InsertAllAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<string> columns,
        IReadOnlyList<T> rows, Encoder<T>[] encoders, CancellationToken cancellationToken) =>
        InsertAsync(connection, transaction, table, columns, async copy =>
        {
            var buffer = new CopyBuffer(FlushAt + (FlushAt / 4));
            buffer.Header();
            for (var r = 0; r < rows.Count; r++)
            {
                buffer.Row(rows[r], encoders);
                if (buffer.Length >= FlushAt)
                {
                    await copy.WriteAsync(buffer.Written, cancellationToken);
                    buffer.Clear();
                }
            }
            buffer.Trailer();
            await copy.WriteAsync(buffer.Written, cancellationToken);
        }, cancellationToken);

    /// <summary>Inserts rows encoded beforehand: <paramref name="encoded"/> holds the header and the rows, and gets the trailer here.</summary>
    public static Task<long> InsertEncodedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<string> columns,
        CopyBuffer encoded, CancellationToken cancellationToken) =>
        InsertAsync(connection, transaction, table, columns, copy => Send(copy, encoded, cancellationToken), cancellationToken);

    /// <summary>
    /// Copies rows encoded beforehand straight into <paramref name="table"/>, which must be under no row-level
    /// security (a partition whose constraint admits only the session's rows); returns how many.
    /// </summary>
    public static async Task<long> CopyEncodedAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, CopyBuffer encoded,
        int rows, CancellationToken cancellationToken)
    {
        await using (var copy = await connection.BeginRawBinaryCopyAsync(CopyFrom(Quote(table), string.Join(", ", columns.Select(Quote))), cancellationToken))
        {
            await Send(copy, encoded, cancellationToken);
        }
        return rows;
    }

    private static async Task Send(Stream copy, CopyBuffer encoded, CancellationToken cancellationToken)
    {
        encoded.Trailer();
        await copy.WriteAsync(encoded.Written, cancellationToken);
    }

    private static async Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<string> columns,
        Func<Stream, Task> send, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(Quote));
        var stage = Quote("copy_" + table);
        await using (var create = new NpgsqlCommand($"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {names} FROM {Quote(table)} WITH NO DATA", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginRawBinaryCopyAsync(CopyFrom(stage, names), cancellationToken))
        {
            await send(copy);
        }
        // The move and the emptying in one round trip.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"INSERT INTO {Quote(table)} ({names}) SELECT {names} FROM {stage}"),
                new NpgsqlBatchCommand($"TRUNCATE {stage}"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands[0].RecordsAffected;
    }

    /// <summary>An encoder for the column <paramref name="getter"/> reads (a row to its value as the database stores it).</summary>
    public static Encoder<T> EncoderFor<T>(LambdaExpression getter)
    {
        var type = getter.ReturnType;
        var write = typeof(CopyBuffer).GetMethod(nameof(CopyBuffer.Field), BindingFlags.Public | BindingFlags.Instance, [type])
            ?? throw new NotSupportedException($"Bulk inserts into PostgreSQL do not write {type.Name} values; add a CopyBuffer.Field overload in PostgreSQL's binary format.");
        var buffer = Expression.Parameter(typeof(CopyBuffer), "buffer");
        return Expression.Lambda<Encoder<T>>(Expression.Call(buffer, write, getter.Body), buffer, getter.Parameters[0]).Compile();
    }

    private static string Quote(string name) => $"\"{name}\"";

    private static string CopyFrom(string table, string columns) => $"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)";
}

/// <summary>
/// Rows in PostgreSQL's binary COPY format: a signature and header, then per row the number of fields and each
/// field as its length (-1 for NULL) and its bytes in the type's binary form (big-endian integers; dates as days
/// since 2000-01-01; text as UTF-8; numeric as base-10000 digits), then a trailer.
/// </summary>
internal sealed class CopyBuffer(int capacity)
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[] _data = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _data.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void Header()
    {
        Bytes(Signature);
        Int32(0); // flags
        Int32(0); // header extension length
    }

    /// <summary>Appends a row: its number of fields, then each field as its encoder writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row<T>(T row, PostgresCopy.Encoder<T>[] encoders)
    {
        Int16((short)encoders.Length);
        foreach (var encode in encoders)
        {
            encode(this, row);
        }
    }

    public void Trailer() => Int16(-1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(int value)
    {
        Int32(4);
        Int32(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(long value)
    {
        Int32(8);
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_data.AsSpan(Length), value);
        Length += 8;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(bool value)
    {
        Int32(1);
        Ensure(1);
        _data[Length++] = value ? (byte)1 : (byte)0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(DateOnly value)
    {
        Int32(4);
        Int32(value.DayNumber - PostgresEpoch);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Ensure(4 + Utf8.GetMaxByteCount(value.Length));
        var length = Utf8.GetBytes(value, _data.AsSpan(Length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_data.AsSpan(Length), length);
        Length += 4 + length;
    }

    /// <summary>
    /// A decimal as PostgreSQL's numeric: digits in base 10,000 from the most significant, the weight (power of
    /// 10,000) of the first, the sign and the display scale (decimal places). The decimal's integer is scaled so
    /// that its places fill whole groups of four, then cut into groups; zero groups at the end are left out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var integer = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        if (integer == 0)
        {
            Int32(8);
            Int16(0); // digits
            Int16(0); // weight
            Int16(0); // sign: positive
            Int16((short)scale);
            return;
        }
        var pad = (4 - (scale % 4)) % 4;
        for (var i = 0; i < pad; i++)
        {
            integer *= 10;
        }
        Span<short> groups = stackalloc short[10]; // at most 32 decimal digits after padding: 8 groups
        var count = 0;
        if (integer <= ulong.MaxValue)
        {
            // Every amount and quantity FairShare writes: 64-bit division, not UInt128's (ten times the cost).
            for (var small = (ulong)integer; small != 0; small /= 10_000)
            {
                groups[count++] = (short)(small % 10_000);
            }
        }
        else
        {
            for (; integer != 0; integer /= 10_000)
            {
                groups[count++] = (short)(ulong)(integer % 10_000);
            }
        }
        var weight = count - ((scale + pad) / 4) - 1;
        var lowest = 0;
        while (groups[lowest] == 0)
        {
            lowest++;
        }
        var digits = count - lowest;
        Int32(8 + (2 * digits));
        Int16((short)digits);
        Int16((short)weight);
        Int16(negative ? (short)0x4000 : (short)0);
        Int16((short)scale);
        for (var g = count - 1; g >= lowest; g--)
        {
            Int16(groups[g]);
        }
    }

    public void Field(int? value)
    {
        if (value is { } v)
        {
            Field(v);
        }
        else
        {
            Null();
        }
    }

    public void Field(long? value)
    {
        if (value is { } v)
        {
            Field(v);
        }
        else
        {
            Null();
        }
    }

    public void Field(bool? value)
    {
        if (value is { } v)
        {
            Field(v);
        }
        else
        {
            Null();
        }
    }

    public void Field(decimal? value)
    {
        if (value is { } v)
        {
            Field(v);
        }
        else
        {
            Null();
        }
    }

    public void Field(DateOnly? value)
    {
        if (value is { } v)
        {
            Field(v);
        }
        else
        {
            Null();
        }
    }

    private void Null() => Int32(-1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Int16(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_data.AsSpan(Length), value);
        Length += 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Int32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_data.AsSpan(Length), value);
        Length += 4;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (Length + more > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + more));
        }
    }
}
