using FairShare.Domain.Recording;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>
/// The bulk path writes rows exactly as EF Core's SaveChanges would: the same stored text on SQLite (where a
/// decimal or a date is text, and a different spelling would compare and sum differently) and the same values
/// read back, for awkward values: empty and non-ASCII strings, a decimal's smallest and largest, leap days.
/// </summary>
public abstract class BulkInsertSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private static readonly (decimal Quantity, DateOnly Date, string Job, string By)[] Samples =
    [
        (0m, new DateOnly(2026, 5, 1), "", "bench"),
        (0.0001m, new DateOnly(2024, 2, 29), "JOB-1", "Zoë Ångström"),
        (3.6m, new DateOnly(1999, 12, 31), "a,b\"c'd;\n=SUM(A1)", "日本語 🎉"),
        (1m, new DateOnly(2026, 12, 31), new string('x', 400), ""),
        (12.5000m, new DateOnly(2027, 3, 31), "trailing zeros", "x"),
        (99_999_999_999_999.9999m, new DateOnly(2000, 1, 1), " spaced ", "y"),
    ];

    [Fact]
    public async Task BulkWrittenUsage_IsStoredAndReadBack_ExactlyAsSaveChangesWritesIt()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var authority = await db.Authorities.Select(a => a.Id).FirstAsync();
        var buyer = await db.CostCentres.Where(c => c.AuthorityId == authority).Select(c => c.Id).FirstAsync();
        var offering = await db.Offerings.Where(o => o.AuthorityId == authority).Select(o => o.Id).FirstAsync();
        RecordedUsage Row(string prefix, int i) =>
            new(authority, 0, $"{prefix}-{i}", Samples[i].Date, buyer, offering, Samples[i].Quantity, Samples[i].Job, Samples[i].By);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var written = await BulkInsert.WriteAsync(db, [.. Samples.Select((_, i) => Row("bulk", i))], CancellationToken.None);
        db.Usage.AddRange(Samples.Select((_, i) => Row("ef", i)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal(Samples.Length, written);
        var stored = await StoredTextAsync(db);
        for (var i = 0; i < Samples.Length; i++)
        {
            Assert.Equal(stored[$"ef-{i}"], stored[$"bulk-{i}"]);
        }
        var bulk = await db.Usage.AsNoTracking().Where(u => u.RecordId.StartsWith("bulk-")).ToListAsync();
        foreach (var row in bulk)
        {
            var sample = Samples[int.Parse(row.RecordId["bulk-".Length..], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(sample, (row.Quantity, row.Date, row.JobReference, row.RecordedBy));
        }
        Assert.Equal(Samples.Length, bulk.Count);
        await transaction.RollbackAsync();
    }

    /// <summary>Each test row's columns as the database holds them, cast to text by the database itself.</summary>
    private static async Task<Dictionary<string, string>> StoredTextAsync(FairShareDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            SELECT "RecordId", CAST("Quantity" AS TEXT), CAST("Date" AS TEXT), "JobReference", "RecordedBy", "ImportBatchId", "BuyerCostCentreId", "OfferingId"
            FROM "Usage" WHERE "RecordId" LIKE 'bulk-%' OR "RecordId" LIKE 'ef-%'
            """;
        var stored = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = string.Join("|", Enumerable.Range(1, reader.FieldCount - 1).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return stored;
    }
}

public sealed class BulkInsertOnSqlite(SqliteDatabase database) : BulkInsertSuite<SqliteDatabase>(database);

public sealed class BulkInsertOnPostgres(PostgresDatabase database) : BulkInsertSuite<PostgresDatabase>(database);
