using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FairShare.Persistence;

/// <summary>
/// Many rows through one prepared SQLite statement, bound by position with SQLite's own API (SQLitePCLRaw,
/// which Microsoft.Data.Sqlite itself runs on), on the connection's current transaction. Each column binds its
/// value typed, without boxing, and text goes to SQLite without a managed UTF-8 copy (strings as UTF-16, which
/// SQLite converts; decimals and dates formatted into a stack buffer). Values are written as
/// Microsoft.Data.Sqlite writes them (decimal and DateOnly as the same text), so EF Core reads them back
/// unchanged. The types bulk-written tables have; another type is refused, naming it.
/// </summary>
internal static class SqliteRaw
{
    /// <summary>Binds one column of <paramref name="row"/> to parameter <paramref name="index"/>; SQLite's result code.</summary>
    public delegate int Binder<in T>(sqlite3_stmt statement, int index, T row);

    /// <summary>The text Microsoft.Data.Sqlite binds for a decimal (SqliteValueBinder), which EF Core reads and compares.</summary>
    private const string DecimalFormat = "0.0###########################";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long InsertAll<T>(SqliteConnection connection, string sql, IReadOnlyList<T> rows, Binder<T>[] binders, CancellationToken cancellationToken)
        where T : class
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            long written = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                if ((r & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var row = rows[r];
                for (var i = 0; i < binders.Length; i++)
                {
                    Check(handle, binders[i](statement, i + 1, row));
                }

                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(handle, step);
                }

                written += raw.sqlite3_changes(handle);
                raw.sqlite3_reset(statement);
            }

            return written;
        }
    }

    /// <summary>A binder for the column <paramref name="getter"/> reads (a row to its value as the database stores it).</summary>
    public static Binder<T> BinderFor<T>(LambdaExpression getter)
    {
        var type = getter.ReturnType;
        var bind = typeof(SqliteRaw).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(sqlite3_stmt), typeof(int), type])
            ?? throw new NotSupportedException($"Bulk inserts into SQLite do not write {type.Name} values; add a Bind overload to SqliteRaw that writes them as Microsoft.Data.Sqlite does.");
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var index = Expression.Parameter(typeof(int), "index");
        var row = getter.Parameters[0];
        return Expression.Lambda<Binder<T>>(Expression.Call(bind, statement, index, getter.Body), statement, index, row).Compile();
    }

    private static int Bind(sqlite3_stmt statement, int index, int value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Bind(sqlite3_stmt statement, int index, bool value) => raw.sqlite3_bind_int64(statement, index, value ? 1 : 0);

    // An empty span reaches SQLite as a null pointer, which it binds as NULL: an empty string goes as a string.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Bind(sqlite3_stmt statement, int index, string? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        "" => raw.sqlite3_bind_text(statement, index, ""),
        _ => raw.sqlite3_bind_text16(statement, index, value.AsSpan()),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Bind(sqlite3_stmt statement, int index, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        return value.TryFormat(text, out var length, DecimalFormat, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(statement, index, text[..length])
            : raw.sqlite3_bind_text(statement, index, value.ToString(DecimalFormat, CultureInfo.InvariantCulture));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Bind(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        return value.TryFormat(text, out var length, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(statement, index, text[..length])
            : throw new InvalidOperationException($"The date {value} did not format.");
    }

    private static int Bind(sqlite3_stmt statement, int index, int? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, long? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, bool? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, decimal? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int Bind(sqlite3_stmt statement, int index, DateOnly? value) => value is { } v ? Bind(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(handle).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(handle));
        }
    }
}
