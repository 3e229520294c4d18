using System.Globalization;
using FairShare.Domain.Recording;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FairShare.Persistence.Ledger;

/// <summary>
/// Writes usage records in bulk inside the caller's transaction: binary COPY on PostgreSQL, one prepared
/// statement re-executed on SQLite. EF Core's change tracker would spend most of a large import on itself.
/// </summary>
public static class BulkUsage
{
    private static readonly string[] ParameterNames = ["$a", "$b", "$r", "$d", "$buyer", "$o", "$q", "$j", "$by"];

    public static async Task WriteAsync(FairShareDbContext db, IReadOnlyList<RecordedUsage> rows, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk usage is written inside the import's transaction.");
        switch (connection)
        {
            case NpgsqlConnection npgsql:
                await using (var copy = await npgsql.BeginBinaryImportAsync(
                    "COPY \"Usage\" (\"AuthorityId\", \"ImportBatchId\", \"RecordId\", \"Date\", \"BuyerCostCentreId\", \"OfferingId\", \"Quantity\", \"JobReference\", \"RecordedBy\") FROM STDIN (FORMAT BINARY)",
                    cancellationToken))
                {
                    foreach (var u in rows)
                    {
                        await copy.StartRowAsync(cancellationToken);
                        await copy.WriteAsync(u.AuthorityId, NpgsqlDbType.Integer, cancellationToken);
                        await copy.WriteAsync(u.ImportBatchId, NpgsqlDbType.Integer, cancellationToken);
                        await copy.WriteAsync(u.RecordId, NpgsqlDbType.Varchar, cancellationToken);
                        await copy.WriteAsync(u.Date, NpgsqlDbType.Date, cancellationToken);
                        await copy.WriteAsync(u.BuyerCostCentreId, NpgsqlDbType.Integer, cancellationToken);
                        await copy.WriteAsync(u.OfferingId, NpgsqlDbType.Integer, cancellationToken);
                        await copy.WriteAsync(u.Quantity, NpgsqlDbType.Numeric, cancellationToken);
                        await copy.WriteAsync(u.JobReference, NpgsqlDbType.Varchar, cancellationToken);
                        await copy.WriteAsync(u.RecordedBy, NpgsqlDbType.Varchar, cancellationToken);
                    }
                    await copy.CompleteAsync(cancellationToken);
                }
                break;
            case SqliteConnection sqlite:
                await using (var command = sqlite.CreateCommand())
                {
                    command.Transaction = (SqliteTransaction)transaction;
                    command.CommandText = "INSERT INTO \"Usage\" (\"AuthorityId\", \"ImportBatchId\", \"RecordId\", \"Date\", \"BuyerCostCentreId\", \"OfferingId\", \"Quantity\", \"JobReference\", \"RecordedBy\") " +
                        "VALUES ($a, $b, $r, $d, $buyer, $o, $q, $j, $by)";
                    var p = ParameterNames.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
                    await command.PrepareAsync(cancellationToken);
                    foreach (var u in rows)
                    {
                        p[0].Value = u.AuthorityId;
                        p[1].Value = u.ImportBatchId;
                        p[2].Value = u.RecordId;
                        p[3].Value = u.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        p[4].Value = u.BuyerCostCentreId;
                        p[5].Value = u.OfferingId;
                        p[6].Value = u.Quantity.ToString(CultureInfo.InvariantCulture);
                        p[7].Value = u.JobReference;
                        p[8].Value = u.RecordedBy;
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
                break;
            default:
                db.Usage.AddRange(rows);
                await db.SaveChangesAsync(cancellationToken);
                break;
        }
    }
}
