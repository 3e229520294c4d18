using System.Runtime.CompilerServices;
using FairShare.Domain.Recording;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FairShare.Persistence.Ledger;

/// <summary>
/// Writes an import's usage records in bulk inside the caller's transaction, with their totals per (period,
/// buyer, offering), which runs read instead of the records. The unique index on (authority, record id) is the
/// check for records imported before: a record already there fails the write, and the caller rolls back and
/// then looks up which. (A plain INSERT, because ON CONFLICT DO NOTHING made PostgreSQL's write markedly slower;
/// docs/recharge.md has the figures.)
/// </summary>
public static class BulkUsage
{
    /// <summary>Adds the records' totals per (period, buyer, offering), which runs read; in the caller's transaction.</summary>
    public static async Task AddSummariesAsync(FairShareDbContext db, IEnumerable<RecordedUsage> rows, int yearStartMonth, CancellationToken cancellationToken) =>
        await BulkInsert.WriteAsync(db, UsageSummaryRow.Of(rows, yearStartMonth), cancellationToken);

    /// <summary>
    /// Takes records as a file is read and writes them a chunk at a time, on a pool thread, while the caller reads
    /// and checks the next chunk: a million-row file is never all in memory, and two cores work at once. For
    /// PostgreSQL each record is encoded for COPY as it is added (<see cref="BulkRows{T}"/>), so the pool thread
    /// only sends bytes and no record object outlives its row, which keeps the collector's work down. Two chunks'
    /// memory is used over and over. The bytes go by COPY straight into the authority's partition of Usage
    /// (<see cref="PartitionAsync"/>), not through a temporary table and a row-by-row INSERT, which PostgreSQL
    /// writes a row at a time (the measurements behind each choice are in docs/recharge.md). The caller must not
    /// use the context until <see cref="CompleteAsync"/> or
    /// <see cref="AbandonAsync"/> returns; one chunk is written at a time.
    /// </summary>
    public sealed class Writer(FairShareDbContext db, int authorityId, int yearStartMonth)
    {
        private const int ChunkSize = 50_000;

        /// <summary>The first chunk is smaller, so that the database starts writing sooner.</summary>
        private const int FirstChunkSize = 5_000;
        private readonly UsageTotals totals = new(yearStartMonth);
        private BulkRows<RecordedUsage> pending = BulkInsert.Gather<RecordedUsage>(db, ChunkSize);
        private BulkRows<RecordedUsage>? spare; // the chunk last written, emptied for the next
        private (Task<long> Task, BulkRows<RecordedUsage> Rows)? inFlight;
        private bool importedBefore;
        private int chunks;
        private Task<string?>? partition;

        /// <summary>Adds a record; every <see cref="ChunkSize"/> records, waits for the chunk before to be written and starts this one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Task AddAsync(RecordedUsage usage, CancellationToken cancellationToken)
        {
            pending.Add(usage);
            totals.Add(usage);
            return pending.Count == (chunks == 0 ? FirstChunkSize : ChunkSize) ? FlushAsync(cancellationToken) : Task.CompletedTask;
        }

        /// <summary>Writes what is left and the totals. False when some records were imported before (and skipped): the caller must roll back, then look up which.</summary>
        public async Task<bool> CompleteAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            await WaitAsync();
            if (importedBefore)
            {
                return false;
            }
            await BulkInsert.WriteAsync(db, totals.Rows(), cancellationToken);
            return true;
        }

        /// <summary>
        /// PostgreSQL: the authority's partition of Usage (migration UsagePartitionedByAuthority), when the rows may go
        /// by COPY straight into it: it exists, this role may insert into it, and the session is the authority's own
        /// (or the system's), so that an import writes only where its session could through Usage. Otherwise (and on
        /// SQLite) null: the rows go through Usage, under its policy.
        /// </summary>
        private static async Task<string?> PartitionAsync(FairShareDbContext db, int authorityId, CancellationToken cancellationToken)
        {
            if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
            {
                return null;
            }
            var name = $"Usage_{authorityId}";
            await using var command = new NpgsqlCommand("""
                SELECT CASE WHEN to_regclass(quote_ident($1)) IS NULL THEN false
                            ELSE has_table_privilege(quote_ident($1), 'INSERT')
                                 AND ((SELECT fairshare_session_is_system()) OR (SELECT fairshare_session_authority()) = $2) END
                """, connection, (NpgsqlTransaction)BulkInsert.CurrentTransaction(db))
            {
                Parameters = { new() { Value = name }, new() { Value = authorityId } },
            };
            return await command.ExecuteScalarAsync(cancellationToken) is true ? name : null;
        }

        /// <summary>Waits for the chunk being written, if any, so the caller can roll back; what it wrote goes with the rollback.</summary>
        public Task AbandonAsync() => WaitAsync();

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            await WaitAsync();
            var chunk = pending;
            pending = spare ?? BulkInsert.Gather<RecordedUsage>(db, ChunkSize);
            spare = null;
            if (chunk.Count > 0 && !importedBefore)
            {
                // (Once a record was found imported before, the transaction is lost: the rest are only added up.)
                chunks++;
                inFlight = (Task.Run(async () =>
                {
                    partition ??= PartitionAsync(db, authorityId, cancellationToken);
                    return await BulkInsert.WriteAsync(db, chunk, cancellationToken, await partition);
                }, cancellationToken), chunk);
            }
            else
            {
                chunk.Clear();
                spare = chunk;
            }
        }

        private async Task WaitAsync()
        {
            if (inFlight is { } flight)
            {
                inFlight = null;
                try
                {
                    await flight.Task;
                    flight.Rows.Clear();
                    spare = flight.Rows;
                }
                catch (Exception e) when (BulkInsert.IsUniqueViolation(e))
                {
                    importedBefore = true;
                }
            }
        }
    }
}
