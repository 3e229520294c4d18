using System.Globalization;
using FairShare.Domain.Ledger;

namespace FairShare.Persistence.Ledger;

/// <summary>Domain journals and statement lines as rows, and written: the one place a run's results reach the database.</summary>
public static class LedgerWriter
{
    public static JournalEntryRow ToRow(JournalTransaction journal, int? runId, long? reverses = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return new()
        {
            AuthorityId = journal.AuthorityId,
            FinancialYearStart = journal.Period.Year.StartYear,
            PeriodNumber = journal.Period.Number,
            SourceKind = journal.Source.Kind.ToString(),
            SourceReference = journal.Source.Reference,
            Description = journal.Description,
            CreatedBy = journal.RecordedBy,
            CreatedAt = journal.RecordedAt,
            RechargeRunId = runId,
            ReversesId = reverses,
            Postings = [.. journal.Postings.Select(p => new PostingRow
            {
                AuthorityId = journal.AuthorityId,
                CostCentreId = p.CostCentreId,
                AccountCode = p.AccountCode,
                AmountPence = p.Amount.Pence,
                Description = journal.Description,
            })],
        };
    }

    public static RechargeLineRow ToRow(RechargeLine line, int authorityId, int runId)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new()
        {
            AuthorityId = authorityId,
            RechargeRunId = runId,
            BuyerCostCentreId = line.Buyer,
            ProviderCostCentreId = line.Provider,
            OfferingId = line.Offering,
            Mechanism = line.Kind.ToString(),
            AmountPence = line.Amount.Pence,
            Quantity = line.Quantity,
            UnitPrice = line.UnitPrice,
            Explanation = line.Explanation,
            Detail = line.Detail switch
            {
                SourceRecords r => string.Join(",", r.RecordIds),
                AllocationPath { ViaCostCentreId: { } via } => "via:" + via.ToString(CultureInfo.InvariantCulture),
                _ => "",
            },
        };
    }

    /// <summary>A stored line's kind and detail, typed again (lines stored before paths were typed read as "came directly").</summary>
    public static (RechargeLineKind Kind, RechargeLineDetail Detail) Typed(RechargeLineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var kind = Enum.TryParse<RechargeLineKind>(row.Mechanism, out var k) ? k : RechargeLineKind.AllocatedSupportCost;
        if (kind == RechargeLineKind.AllocatedSupportCost)
        {
            return (kind, new AllocationPath(row.Detail.StartsWith("via:", StringComparison.Ordinal)
                && int.TryParse(row.Detail.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var via) ? via : null));
        }
        return (kind, row.Detail.Length == 0 ? SourceRecords.None : new SourceRecords(row.Detail.Split(',')));
    }

    /// <summary>
    /// Writes journal transactions inside the caller's transaction: their headers through EF (a handful), then
    /// their postings in bulk (a large authority's run has tens of thousands). Each journal is sealed onto its
    /// authority's chain (<see cref="LedgerSeal"/>), holding the chain until the caller commits.
    /// </summary>
    /// <returns>The chain's head after them: what the batch they make carries to the ledger.</returns>
    public static async Task<string> SaveJournalsAsync(FairShareDbContext db, int authorityId, IReadOnlyList<JournalEntryRow> journals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(journals);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Journals are written inside the caller's transaction, which holds the chain.");
        }
        if (journals.Any(j => j.AuthorityId != authorityId))
        {
            throw new ArgumentException("Every journal belongs to the authority whose chain it is sealed onto.", nameof(journals));
        }
        await LedgerSeal.LockAsync(db, authorityId, LedgerSeal.Chain.Journals, ct);
        var (sequence, head) = await LedgerSeal.JournalHeadAsync(db, authorityId, ct);
        foreach (var journal in journals)
        {
            journal.Postings.ForEach(p => p.Hash = LedgerSeal.Of(p));
            journal.Sequence = ++sequence;
            journal.PreviousHash = head;
            journal.Hash = LedgerSeal.Of(journal, LedgerSeal.PostingsDigest(journal.Postings.Select(p => p.Hash)), journal.Sequence, head);
            head = journal.Hash;
        }
        var postings = journals.Select(j => j.Postings).ToList();
        foreach (var journal in journals)
        {
            journal.Postings = [];
            db.JournalEntries.Add(journal);
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < journals.Count; i++)
        {
            postings[i].ForEach(p => p.JournalEntryId = journals[i].Id);
        }
        await BulkInsert.WriteAsync(db, postings.SelectMany(p => p).ToList(), ct);
        return head;
    }
}
