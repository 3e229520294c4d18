using System.Linq.Expressions;
using Npgsql;

namespace FairShare.Persistence;

/// <summary>
/// Many rows into PostgreSQL by binary COPY, each column written typed (no boxing). PostgreSQL refuses COPY FROM
/// into a table under row-level security, which every tenant table is, so the rows are copied into a temporary
/// table of the same columns (private to the session, dropped at commit or rollback) and moved into the real
/// table by one INSERT … SELECT, which the policies check row by row like any insert.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>Writes one column of <paramref name="row"/> into the row being copied.</summary>
    public delegate void Writer<in T>(NpgsqlBinaryImporter importer, T row);

    public static async Task<long> InsertAllAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<string> columns,
        IReadOnlyList<T> rows, Writer<T>[] writers, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(Quote));
        var stage = Quote("copy_" + table);
        await ExecuteAsync(connection, transaction, $"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {names} FROM {Quote(table)} WITH NO DATA", cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {stage} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                importer.StartRow();
                foreach (var write in writers)
                {
                    write(importer, row);
                }
            }
            await importer.CompleteAsync(cancellationToken);
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
        var written = batch.BatchCommands[0].RecordsAffected;
        return written;
    }

    /// <summary>A writer for the column <paramref name="getter"/> reads (a row to its value as the database stores it); nulls as SQL NULL.</summary>
    public static Writer<T> WriterFor<T>(LambdaExpression getter)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var row = getter.Parameters[0];
        var value = Expression.Variable(getter.ReturnType, "value");
        var type = Nullable.GetUnderlyingType(getter.ReturnType) ?? getter.ReturnType;
        Expression written = Expression.Convert(value, type);
        var write = Expression.Call(importer, nameof(NpgsqlBinaryImporter.Write), [type], written);
        Expression body = getter.ReturnType.IsValueType && type == getter.ReturnType
            ? write
            : Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null, getter.ReturnType)),
                Expression.Call(importer, nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes), write);
        var block = Expression.Block([value], Expression.Assign(value, getter.Body), body);
        return Expression.Lambda<Writer<T>>(block, importer, row).Compile();
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string name) => $"\"{name}\"";
}
