using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Text;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Ledger;

public sealed record VerifyLedgerRequest;

/// <summary>What was found altered: the row (journal, posting, audit entry or batch), its id and place in its chain, the check that failed and why.</summary>
/// <param name="Row">journal, posting, audit entry or batch.</param>
/// <param name="Id">The row's id (a batch's number).</param>
/// <param name="Sequence">Its place in its chain (a batch: its last journal's), when it has one.</param>
/// <param name="Detail">What is wrong, in a sentence.</param>
/// <param name="Check">seal-mismatch, broken-link, sequence-gap, unbalanced, batch-head-not-found, batch-head-mismatch or batch-totals-mismatch.</param>
public sealed record LedgerFinding(string Row, long Id, long? Sequence, string Check, string Detail)
{
    public override string ToString() => $"{Row} {Id}{(Sequence is { } s ? $" (sequence {s})" : "")}: {Check}: {Detail}";
}

/// <summary>The verification of one authority's ledger and audit log: what was checked, the chains' heads, and every finding.</summary>
public sealed record LedgerVerification(string Authority, int Journals, long Postings, long AuditEntries, int Batches, string JournalHead, string AuditHead,
    int FindingsTotal, IReadOnlyList<LedgerFinding> Findings)
{
    public bool Intact => FindingsTotal == 0;
}

/// <summary>
/// Checks the tamper evidence of the caller's authority (<see cref="LedgerSeal"/>): walks the journal chain and
/// the audit chain in order, recomputes every seal from what each row says, checks the links and the numbering,
/// that every journal balances, and that every batch's control totals match its journals and its chain head (given
/// to the ledger with the batch) is the seal of its last journal. A rewrite that reseals every later row leaves
/// each row consistent with the next, but no longer leads to the heads the batches carried. Reads only.
/// </summary>
public sealed class VerifyLedger(FairShareDbContext db, TenantContext tenants)
{
    public const int ShownFindings = 500;

    public const string SealMismatch = "seal-mismatch", BrokenLink = "broken-link", SequenceGap = "sequence-gap", Unbalanced = "unbalanced",
        BatchHeadNotFound = "batch-head-not-found", BatchHeadMismatch = "batch-head-mismatch", BatchTotalsMismatch = "batch-totals-mismatch";

    public async Task<Outcome<LedgerVerification>> HandleAsync(VerifyLedgerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadLedger, "verify the ledger and the audit log") is { } forbidden)
        {
            return Outcome<LedgerVerification>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var findings = new Findings();
        var journals = await db.JournalEntries.AsNoTracking().Where(j => j.AuthorityId == tenant.AuthorityId)
            .OrderBy(j => j.Sequence).ThenBy(j => j.Id).ToListAsync(cancellationToken);
        var postings = await PostingsAsync(tenant.AuthorityId, journals, findings, cancellationToken);
        var journalHead = WalkJournals(journals, postings, findings);
        CheckBatches(await db.JournalBatches.AsNoTracking().Where(b => b.AuthorityId == tenant.AuthorityId).OrderBy(b => b.Id).ToListAsync(cancellationToken),
            journals, postings, findings);
        var (auditEntries, auditHead) = await WalkAuditAsync(tenant.AuthorityId, findings, cancellationToken);
        var batches = await db.JournalBatches.CountAsync(b => b.AuthorityId == tenant.AuthorityId, cancellationToken);
        return new LedgerVerification(tenant.Name, journals.Count, postings.Values.Sum(p => (long)p.Count), auditEntries, batches, journalHead, auditHead,
            findings.Total, findings.Shown);
    }

    /// <summary>What a journal's postings add up to, and the digest of their stored seals, streamed journal by journal.</summary>
    private sealed class PostingTotals
    {
        public int Count { get; set; }
        public long Debits { get; set; }
        public long Credits { get; set; }
        public List<string> Seals { get; } = [];
        public string Digest { get; set; } = "";
    }

    private sealed class Findings
    {
        public List<LedgerFinding> Shown { get; } = [];
        public int Total { get; private set; }

        public void Add(string row, long id, long? sequence, string check, string detail)
        {
            Total++;
            if (Shown.Count < ShownFindings)
            {
                Shown.Add(new LedgerFinding(row, id, sequence, check, detail));
            }
        }
    }

    private async Task<Dictionary<long, PostingTotals>> PostingsAsync(int authorityId, List<JournalEntryRow> journals, Findings findings, CancellationToken ct)
    {
        var sequences = journals.GroupBy(j => j.Id).ToDictionary(g => g.Key, g => g.First().Sequence);
        var totals = journals.ToDictionary(j => j.Id, _ => new PostingTotals());
        await foreach (var posting in db.Postings.AsNoTracking().Where(p => p.AuthorityId == authorityId).OrderBy(p => p.JournalEntryId).ThenBy(p => p.Id)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!totals.TryGetValue(posting.JournalEntryId, out var journal))
            {
                findings.Add("posting", posting.Id, null, BrokenLink, $"belongs to journal {posting.JournalEntryId}, which is not in the ledger.");
                continue;
            }
            if (LedgerSeal.Of(posting) != posting.Hash)
            {
                findings.Add("posting", posting.Id, sequences[posting.JournalEntryId], SealMismatch,
                    $"of journal {posting.JournalEntryId}: what it says ({posting.AccountCode} at cost centre {posting.CostCentreId}, {new Money(posting.AmountPence)}) is not what was sealed.");
            }
            journal.Count++;
            journal.Debits += Math.Max(posting.AmountPence, 0);
            journal.Credits += Math.Max(-posting.AmountPence, 0);
            journal.Seals.Add(posting.Hash);
        }
        foreach (var journal in totals.Values)
        {
            journal.Digest = LedgerSeal.PostingsDigest(journal.Seals);
            journal.Seals.Clear();
        }
        return totals;
    }

    private static string WalkJournals(List<JournalEntryRow> journals, Dictionary<long, PostingTotals> postings, Findings findings)
    {
        var previous = LedgerSeal.Genesis;
        var expected = 1L;
        foreach (var journal in journals)
        {
            if (journal.Sequence != expected)
            {
                findings.Add("journal", journal.Id, journal.Sequence, SequenceGap, journal.Sequence > expected
                    ? $"the chain jumps from {expected - 1} to {journal.Sequence}: {English.Count((int)Math.Min(journal.Sequence - expected, int.MaxValue), "journal")} missing."
                    : $"comes after sequence {expected - 1}: numbered twice or out of order.");
            }
            if (journal.PreviousHash != previous)
            {
                findings.Add("journal", journal.Id, journal.Sequence, BrokenLink, $"says the seal before it is {Short(journal.PreviousHash)}; the journal before it is sealed {Short(previous)}.");
            }
            var totals = postings[journal.Id];
            if (LedgerSeal.Of(journal, totals.Digest, journal.Sequence, journal.PreviousHash) != journal.Hash)
            {
                findings.Add("journal", journal.Id, journal.Sequence, SealMismatch, "its header or its set of postings is not what was sealed.");
            }
            if (totals.Debits != totals.Credits)
            {
                findings.Add("journal", journal.Id, journal.Sequence, Unbalanced,
                    $"debits {new Money(totals.Debits)} and credits {new Money(totals.Credits)} differ by {new Money(Math.Abs(totals.Debits - totals.Credits))}.");
            }
            previous = journal.Hash;
            expected = journal.Sequence + 1;
        }
        return previous;
    }

    private static void CheckBatches(List<JournalBatchRow> batches, List<JournalEntryRow> journals, Dictionary<long, PostingTotals> postings, Findings findings)
    {
        var sealedAt = journals.GroupBy(j => j.Hash).ToDictionary(g => g.Key, g => g.First());
        foreach (var batch in batches)
        {
            var reversal = batch.Kind == JournalBatchKind.Reversal;
            var own = journals.Where(j => j.RechargeRunId == batch.RechargeRunId && (j.ReversesId is not null) == reversal).ToList();
            var lines = own.Sum(j => postings[j.Id].Count);
            var debits = own.Sum(j => postings[j.Id].Debits);
            var credits = own.Sum(j => postings[j.Id].Credits);
            if ((lines, debits, credits) != (batch.Lines, batch.DebitsPence, batch.CreditsPence))
            {
                findings.Add("batch", batch.Id, null, BatchTotalsMismatch,
                    $"carries {English.Count(batch.Lines, "line")}, debits {new Money(batch.DebitsPence)}, credits {new Money(batch.CreditsPence)}; "
                    + $"its journals now hold {English.Count(lines, "line")}, debits {new Money(debits)}, credits {new Money(credits)}.");
            }
            var last = own.MaxBy(j => j.Sequence);
            if (last is not null && batch.ChainHead == last.Hash)
            {
                continue;
            }
            if (last is null && (batch.ChainHead == LedgerSeal.Genesis || sealedAt.ContainsKey(batch.ChainHead)))
            {
                continue;
            }
            var where = last is null ? "it holds no journals" : $"its last journal, {last.Id} (sequence {last.Sequence}), is sealed {Short(last.Hash)}";
            if (sealedAt.TryGetValue(batch.ChainHead, out var other))
            {
                findings.Add("batch", batch.Id, last?.Sequence, BatchHeadMismatch, $"its chain head {Short(batch.ChainHead)} is the seal of journal {other.Id} (sequence {other.Sequence}), but {where}.");
            }
            else
            {
                findings.Add("batch", batch.Id, last?.Sequence, BatchHeadNotFound,
                    $"its chain head {Short(batch.ChainHead)}, given to the ledger with it, is nowhere in the chain now; {where}: the journals up to it were changed and sealed again.");
            }
        }
    }

    private async Task<(long Count, string Head)> WalkAuditAsync(int authorityId, Findings findings, CancellationToken ct)
    {
        var previous = LedgerSeal.Genesis;
        var expected = 1L;
        var count = 0L;
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.AuthorityId == authorityId)
            .OrderBy(a => EF.Property<long>(a, LedgerSeal.AuditSequence)).ThenBy(a => a.Id)
            .Select(a => new
            {
                Entry = a,
                Sequence = EF.Property<long>(a, LedgerSeal.AuditSequence),
                PreviousHash = EF.Property<string>(a, LedgerSeal.AuditPreviousHash),
                Hash = EF.Property<string>(a, LedgerSeal.AuditHash),
            });
        await foreach (var a in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (a.Sequence != expected)
            {
                findings.Add("audit entry", a.Entry.Id, a.Sequence, SequenceGap, a.Sequence > expected
                    ? $"the chain jumps from {expected - 1} to {a.Sequence}: {English.Count((int)Math.Min(a.Sequence - expected, int.MaxValue), "entry")} missing."
                    : $"comes after sequence {expected - 1}: numbered twice or out of order.");
            }
            if (a.PreviousHash != previous)
            {
                findings.Add("audit entry", a.Entry.Id, a.Sequence, BrokenLink, $"says the seal before it is {Short(a.PreviousHash)}; the entry before it is sealed {Short(previous)}.");
            }
            if (LedgerSeal.Of(a.Entry, a.Sequence, a.PreviousHash) != a.Hash)
            {
                findings.Add("audit entry", a.Entry.Id, a.Sequence, SealMismatch, $"what it records ({a.Entry.Action} by {a.Entry.ActorName} at {a.Entry.At:u}) is not what was sealed.");
            }
            previous = a.Hash;
            expected = a.Sequence + 1;
        }
        return (count, previous);
    }

    private static string Short(string seal) => seal.Length == 0 ? "(none)" : seal.Length > 12 ? seal[..12] + "…" : seal;
}
