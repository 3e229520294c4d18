using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

public sealed record ListJournalBatchesRequest;

/// <summary>Every journal batch of the authority, newest first, with its control totals and whether it was sent to the ledger.</summary>
public sealed class ListJournalBatches(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<IReadOnlyList<JournalBatchListing>>> HandleAsync(ListJournalBatchesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadLedger, "see journal batches") is { } forbidden)
        {
            return Outcome<IReadOnlyList<JournalBatchListing>>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var batches = await db.JournalBatches.AsNoTracking().Where(b => b.AuthorityId == tenant.AuthorityId).OrderByDescending(b => b.Id).ToListAsync(cancellationToken);
        var sent = await db.JournalBatchEvents.AsNoTracking().Where(e => e.AuthorityId == tenant.AuthorityId && e.Kind == JournalBatchEventRow.Sent)
            .ToDictionaryAsync(e => e.JournalBatchId, cancellationToken);
        return Outcome<IReadOnlyList<JournalBatchListing>>.Ok([.. batches.Select(b => JournalBatches.Listing(b, sent.GetValueOrDefault(b.Id), tenant.YearStartMonth))]);
    }
}
