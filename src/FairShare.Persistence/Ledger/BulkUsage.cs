using FairShare.Domain.Recording;

namespace FairShare.Persistence.Ledger;

/// <summary>
/// Writes an import's usage records in bulk inside the caller's transaction, with their totals per (period,
/// buyer, offering), which runs read instead of the records. The unique index on (authority, record id) is the
/// check for records imported before: such a record is skipped rather than written twice.
/// </summary>
public static class BulkUsage
{
    private static readonly string[] RecordIdentity = [nameof(RecordedUsage.AuthorityId), nameof(RecordedUsage.RecordId)];

    /// <returns>False when some records were imported before (and skipped): the caller must roll back, then look up which.</returns>
    public static async Task<bool> WriteAsync(FairShareDbContext db, IReadOnlyList<RecordedUsage> rows, int yearStartMonth, CancellationToken cancellationToken)
    {
        var written = await BulkInsert.WriteAsync(db, rows, cancellationToken, skipConflictsOn: RecordIdentity);
        if (written != rows.Count)
        {
            return false;
        }
        await AddSummariesAsync(db, rows, yearStartMonth, cancellationToken);
        return true;
    }

    /// <summary>Adds the records' totals per (period, buyer, offering), which runs read; in the caller's transaction.</summary>
    public static async Task AddSummariesAsync(FairShareDbContext db, IEnumerable<RecordedUsage> rows, int yearStartMonth, CancellationToken cancellationToken) =>
        await BulkInsert.WriteAsync(db, UsageSummaryRow.Of(rows, yearStartMonth), cancellationToken);
}
