using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FairShare.Persistence;

/// <summary>
/// Inserts many rows of one entity type inside the caller's transaction, without the change tracker: on SQLite
/// one prepared statement re-executed, bound by position (<see cref="SqliteRaw"/>); on PostgreSQL binary COPY
/// through a temporary table (<see cref="PostgresCopy"/>). Table, columns, types and value conversions come from
/// EF Core's model, so rows land exactly as SaveChanges would write them; generated keys are left to the database.
/// </summary>
public static class BulkInsert
{
    /// <summary>Writes the rows and returns how many were written. A row that breaks a unique index fails the write (see <see cref="IsUniqueViolation"/>).</summary>
    public static async Task<long> WriteAsync<T>(FairShareDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var columns = Columns<T>.Of(db.Model);
        var names = string.Join(", ", columns.List.Select(Quote));
        var connection = db.Database.GetDbConnection();
        var transaction = CurrentTransaction(db);
        long written = 0;
        switch (connection)
        {
            case NpgsqlConnection npgsql:
                written = await PostgresCopy.InsertAllAsync(npgsql, (NpgsqlTransaction)transaction, columns.Table, columns.List, rows, columns.PostgresEncoders, cancellationToken);
                break;
            case SqliteConnection sqlite:
                // SQLite's own statement API: parameters bound by position. Microsoft.Data.Sqlite looks each
                // named parameter up again on every execution, which was a quarter of a million-row import.
                var insert = $"INSERT INTO {Quote(columns.Table)} ({names}) VALUES ({string.Join(", ", columns.List.Select((_, i) => $"?{i + 1}"))})";
                written = SqliteRaw.InsertAll(sqlite, insert, rows, columns.SqliteBinders, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"Bulk inserts have no path for {connection.GetType().Name}.");
        }
        return written;
    }

    /// <summary>An empty set of rows to gather for one write (<see cref="WriteAsync{T}(FairShareDbContext, BulkRows{T}, CancellationToken, string)"/>).</summary>
    public static BulkRows<T> Gather<T>(FairShareDbContext db, int expectedRows)
        where T : class =>
        db.Database.GetDbConnection() is NpgsqlConnection
            ? new BulkRows<T>(Columns<T>.Of(db.Model).PostgresEncoders, expectedRows)
            : new BulkRows<T>(null, expectedRows);

    /// <summary>
    /// Writes gathered rows and returns how many were written; the rows can then be cleared and gathered again.
    /// On PostgreSQL, a <paramref name="partition"/> of the entity's table (under no row-level security of its own)
    /// takes the rows by COPY straight away, without the temporary table.
    /// </summary>
    public static async Task<long> WriteAsync<T>(FairShareDbContext db, BulkRows<T> rows, CancellationToken cancellationToken, string? partition = null)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        if (rows.Encoded is not { } encoded)
        {
            return await WriteAsync(db, rows.Rows, cancellationToken);
        }
        var columns = Columns<T>.Of(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        return partition is null
            ? await PostgresCopy.InsertEncodedAsync(connection, (NpgsqlTransaction)CurrentTransaction(db), columns.Table, columns.List, encoded, cancellationToken)
            : await PostgresCopy.CopyEncodedAsync(connection, partition, columns.List, encoded, rows.Count, cancellationToken);
    }

    /// <summary>Whether a write failed because a row broke a unique index, on either database.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY, and an append-only table's trigger refusing a key it holds already
        // (SQLITE_CONSTRAINT_TRIGGER, worded as a unique index's: Ledger.AppendOnlyTables).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555
            || (sqlite.SqliteExtendedErrorCode == 1811 && sqlite.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)),
        _ => false,
    };

    private static string Quote(string name) => $"\"{name}\"";

    internal static System.Data.Common.DbTransaction CurrentTransaction(FairShareDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Bulk inserts are written inside the caller's transaction.");

    /// <summary>The insertable columns of an entity type, worked out once per model, with their writers for each database.</summary>
    private sealed record Described<T>(IModel Model, string Table, string[] List, SqliteRaw.Binder<T>[] SqliteBinders, PostgresCopy.Encoder<T>[] PostgresEncoders);

    private static class Columns<T>
    {
        private static Described<T>? cached;

        public static Described<T> Of(IModel model)
        {
            if (cached is { } c && ReferenceEquals(c.Model, model))
            {
                return c;
            }
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
                .ToArray();
            var getters = properties.Select(Getter).ToArray();
            var described = new Described<T>(model, table.Name, [.. properties.Select(p => p.GetColumnName(table)!)],
                [.. getters.Select(SqliteRaw.BinderFor<T>)], [.. getters.Select(PostgresCopy.EncoderFor<T>)]);
            cached = described;
            return described;
        }

        /// <summary>The row's value as the database stores it: the property through EF's value conversion, if any.</summary>
        private static LambdaExpression Getter(IProperty property)
        {
            var converter = property.GetRelationalTypeMapping().Converter;
            var row = Expression.Parameter(typeof(T), "row");
            Expression value = Expression.Property(row, property.PropertyInfo!);
            if (converter is not null)
            {
                value = Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(value, converter.ModelClrType));
            }
            return Expression.Lambda(value, row);
        }
    }
}

/// <summary>
/// Rows gathered for one bulk write, held as the database will take them. For PostgreSQL they are encoded for COPY
/// as they are added, on the caller's thread, so that the write only sends bytes while the caller gathers the
/// next rows (and each row object can be dropped at once); for SQLite they are kept as they are.
/// </summary>
public sealed class BulkRows<T>
    where T : class
{
    private readonly PostgresCopy.Encoder<T>[]? _encoders;

    internal BulkRows(PostgresCopy.Encoder<T>[]? encoders, int expectedRows)
    {
        _encoders = encoders;
        Rows = encoders is null ? new List<T>(expectedRows) : [];
        Encoded = encoders is null ? null : new CopyBuffer(expectedRows * 16 * encoders.Length); // 16 bytes a field, most of them shorter
        Encoded?.Header();
    }

    public int Count { get; private set; }

    internal List<T> Rows { get; }

    internal CopyBuffer? Encoded { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(T row)
    {
        Count++;
        if (Encoded is { } encoded)
        {
            encoded.Row(row, _encoders!);
        }
        else
        {
            Rows.Add(row);
        }
    }

    /// <summary>Empties the set, keeping its memory for the next rows.</summary>
    public void Clear()
    {
        Count = 0;
        Rows.Clear();
        if (Encoded is { } encoded)
        {
            encoded.Clear();
            encoded.Header();
        }
    }
}
