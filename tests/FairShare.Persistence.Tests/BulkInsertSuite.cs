using FairShare.Domain.Recording;
using FairShare.Features.Tests;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Persistence.Tests;

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

    /// <summary>
    /// Quantities of every shape a numeric(18,4) column holds — zero, a ten-thousandth, whole numbers, every
    /// count of places up to the column's four and beyond it (the database rounds), trailing zeros, the largest —
    /// bulk-written and read back as SaveChanges's are, with the same stored text (PostgreSQL rounds places beyond
    /// the column's; SQLite keeps them), and exactly as given within the column's places.
    /// </summary>
    [Fact]
    public async Task BulkWrittenQuantities_OfEveryShape_AreReadBackExactly()
    {
        var random = new Random(20261125);
        var quantities = new List<decimal> { 0m, 0.0001m, 0.001m, 0.01m, 0.1m, 1m, 10m, 100m, 1000m, 10000m, 10000.0001m, 9999.9999m, 123456789.1234m, 1.0000m, 5.5m, 0.00005m, 2.99995m, 99_999_999_999_999.9999m };
        for (var i = 0; i < 400; i++)
        {
            var places = random.Next(0, 7);
            var digits = random.NextInt64(0, (long)Math.Pow(10, random.Next(1, 15)));
            quantities.Add(new decimal(digits) / (decimal)Math.Pow(10, places));
        }

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var authority = await db.Authorities.Select(a => a.Id).FirstAsync();
        var buyer = await db.CostCentres.Where(c => c.AuthorityId == authority).Select(c => c.Id).FirstAsync();
        var offering = await db.Offerings.Where(o => o.AuthorityId == authority).Select(o => o.Id).FirstAsync();
        RecordedUsage Row(string prefix, int i) => new(authority, 0, $"{prefix}-{i}", new DateOnly(2026, 5, 1), buyer, offering, quantities[i], "", "");

        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkInsert.WriteAsync(db, [.. quantities.Select((_, i) => Row("bulk", i))], CancellationToken.None);
        db.Usage.AddRange(quantities.Select((_, i) => Row("ef", i)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await StoredTextAsync(db);
        var read = await db.Usage.AsNoTracking().ToDictionaryAsync(u => u.RecordId, u => u.Quantity);
        for (var i = 0; i < quantities.Count; i++)
        {
            Assert.Equal(stored[$"ef-{i}"], stored[$"bulk-{i}"]);
            Assert.Equal(read[$"ef-{i}"], read[$"bulk-{i}"]);
            if (quantities[i].Scale <= 4)
            {
                Assert.Equal(quantities[i], read[$"bulk-{i}"]);
            }
        }
        await transaction.RollbackAsync();
    }

    /// <summary>Negative amounts, nulls and 64-bit integers in a bulk-written table that has them (statement lines).</summary>
    [Fact]
    public async Task BulkWrittenLines_WithNegativesAndNulls_AreReadBackExactly()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var authority = await db.Authorities.Select(a => a.Id).FirstAsync();
        var samples = new (int? Offering, long Pence, decimal? Quantity, decimal? Price)[]
        {
            (null, 0, null, null),
            (7, -1, -0.0001m, -12.5m),
            (8, long.MinValue + 1, -99_999_999_999_999.9999m, 0m),
            (9, long.MaxValue, 10_000m, -10_000.0001m),
            (null, -123_456_789_012, -3.6m, null),
        };
        var rows = samples.Select((x, i) => new RechargeLineRow
        {
            AuthorityId = authority,
            RechargeRunId = -1,
            BuyerCostCentreId = i,
            ProviderCostCentreId = -i,
            OfferingId = x.Offering,
            Mechanism = "Test",
            AmountPence = x.Pence,
            Quantity = x.Quantity,
            UnitPrice = x.Price,
            Explanation = $"line {i}",
            Detail = "",
        }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(samples.Length, await BulkInsert.WriteAsync(db, rows, CancellationToken.None));
        var read = await db.RechargeLines.AsNoTracking().Where(l => l.RechargeRunId == -1).OrderBy(l => l.BuyerCostCentreId).ToListAsync();
        Assert.Equal(samples, read.Select(l => (l.OfferingId, l.AmountPence, l.Quantity, l.UnitPrice)));
        Assert.Equal(Enumerable.Range(0, samples.Length).Select(i => -i), read.Select(l => l.ProviderCostCentreId));
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
