using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <param name="Batch">The batch number.</param>
/// <param name="LedgerReference">The ledger's own reference for the load, if it gave one.</param>
public sealed record MarkJournalBatchSentRequest(int Batch, string? LedgerReference = null);

/// <summary>
/// Records that a batch was loaded into the general ledger: an appended event, never an update, and at most
/// once (the database refuses a second), so no journal is loaded twice.
/// </summary>
public sealed class MarkJournalBatchSent(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public const int MaxReference = 100;

    public async Task<Outcome<JournalBatchListing>> HandleAsync(MarkJournalBatchSentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.RunRecharge, "mark journal batches as sent to the ledger") is { } forbidden)
        {
            return Outcome<JournalBatchListing>.Forbidden(forbidden);
        }
        var reference = string.IsNullOrWhiteSpace(request.LedgerReference) ? null : request.LedgerReference.Trim();
        if (reference is { Length: > MaxReference })
        {
            return Outcome<JournalBatchListing>.Invalid("ledgerReference", $"is {reference.Length:N0} characters; a ledger reference has at most {MaxReference}.");
        }
        var tenant = tenants.Current;
        var batch = await db.JournalBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.Batch && b.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (batch is null)
        {
            return Outcome<JournalBatchListing>.NotFound($"There is no journal batch {request.Batch}.");
        }
        var earlier = await db.JournalBatchEvents.AsNoTracking().FirstOrDefaultAsync(e => e.JournalBatchId == batch.Id && e.Kind == JournalBatchEventRow.Sent, cancellationToken);
        if (earlier is not null)
        {
            return Outcome<JournalBatchListing>.Refused($"Batch {batch.Id} was sent to the ledger on {earlier.At.UtcDateTime:yyyy-MM-dd HH:mm} by {earlier.By}; a batch is loaded once.", "batch");
        }
        var sent = new JournalBatchEventRow
        {
            AuthorityId = tenant.AuthorityId,
            JournalBatchId = batch.Id,
            Kind = JournalBatchEventRow.Sent,
            LedgerReference = reference,
            At = clock.GetUtcNow(),
            By = tenants.Actor.Name,
        };
        db.JournalBatchEvents.Add(sent);
        audit.Record("journal.sent", "JournalBatch", batch.Id, null, new { Batch = batch.Id, LedgerReference = reference });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is { } inner && BulkInsert.IsUniqueViolation(inner))
        {
            // Marked by someone else a moment ago: the unique index let exactly one through.
            return Outcome<JournalBatchListing>.Refused($"Batch {batch.Id} was sent to the ledger a moment ago by someone else; a batch is loaded once.", "batch");
        }
        return JournalBatches.Listing(batch, sent, tenant.YearStartMonth);
    }
}
