using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FairShare.Persistence;

/// <summary>
/// Many rows through one prepared SQLite statement, bound by position with SQLite's own API (SQLitePCLRaw,
/// which Microsoft.Data.Sqlite itself runs on), on the connection's current transaction. Values are written
/// as Microsoft.Data.Sqlite writes them (decimal and DateOnly as the same text), so EF Core reads them back
/// unchanged. The types bulk-written tables have; another type is refused, naming it.
/// </summary>
internal static class SqliteRaw
{
    public static long InsertAll<T>(SqliteConnection connection, string sql, IReadOnlyList<T> rows, Func<object, object?>[] values, CancellationToken cancellationToken)
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

                for (var i = 0; i < values.Length; i++)
                {
                    Check(handle, Bind(statement, i + 1, values[i](rows[r])));
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

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        string s => raw.sqlite3_bind_text(statement, index, s),
        // The text Microsoft.Data.Sqlite binds for these (SqliteValueBinder), which EF Core reads and compares.
        decimal d => raw.sqlite3_bind_text(statement, index, d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"Bulk inserts into SQLite do not write {value.GetType().Name} values; add them to SqliteRaw.Bind as Microsoft.Data.Sqlite writes them."),
    };

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(handle).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(handle));
        }
    }
}
