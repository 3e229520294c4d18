using FairShare.Features.Tests;
using Microsoft.Data.Sqlite;

namespace FairShare.Fuzz.Tests;

/// <summary>
/// The migrated demo database (SQLite, a temporary file, built as the features' tests build it), with what a
/// fuzzer needs besides: every table's row count, and a way back to the demo as it was, so that each input that
/// was imported is followed by the next one against the same data.
/// </summary>
public sealed class FuzzDatabase : IAsyncLifetime, IAsyncDisposable
{
    private SqliteConnection? live;
    private SqliteConnection? demo;
    private string[] tables = [];

    public SqliteDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        live = new SqliteConnection(Database.Options.ResolveConnectionString());
        await live.OpenAsync();
        demo = new SqliteConnection("Data Source=:memory:");
        await demo.OpenAsync();
        live.BackupDatabase(demo);
        await using var command = live.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        tables = [.. names];
    }

    /// <summary>Every table's row count (SQLite's own tables too), read beneath the application.</summary>
    public IReadOnlyDictionary<string, long> Counts()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var command = live!.CreateCommand();
        foreach (var table in tables)
        {
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>A value read beneath the application.</summary>
    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = live!.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteScalar();
    }

    /// <summary>Puts the demo back as it was after loading, page for page.</summary>
    public void Restore() => demo!.BackupDatabase(live!);

    public async Task DisposeAsync()
    {
        if (live is not null)
        {
            await live.DisposeAsync();
        }
        if (demo is not null)
        {
            await demo.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Which tables' counts changed, and by how much ("Usage +2").</summary>
    public static string Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before[a.Key] != a.Value).Select(a => $"{a.Key} {a.Value - before[a.Key]:+#;-#}"));
}
