using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FairShare.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FairShare.Persistence.Ledger;

/// <summary>
/// Tamper evidence for the ledger and the audit log: every journal and every audit entry is sealed with a
/// SHA-256 hash of its content and of the seal before it, one chain per authority and kind (journals, audit
/// entries), numbered by <c>Sequence</c> from 1. A posting is sealed on its own and its seal goes into its
/// journal's, so a changed posting breaks its journal and every journal after it; an exported batch carries the
/// journal chain's head, so even a rewrite that reseals every later journal no longer leads to the head the
/// ledger was given. The serialisation is canonical and documented in docs/security.md: one line per field,
/// <c>name:length:value</c> (length in UTF-8 bytes; <c>name:-</c> for null), in a fixed order, beginning with
/// the kind and version. Numbers are invariant integers; times are UTC to the millisecond
/// (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>), which both databases keep exactly.
/// </summary>
public static class LedgerSeal
{
    /// <summary>The seal before the first of a chain.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>A posting's seal, over what it says (its journal's seal covers which journal it belongs to and its order).</summary>
    public static string Of(PostingRow posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return new Canonical("fairshare-posting-v1")
            .Add("authority", posting.AuthorityId)
            .Add("cost-centre", posting.CostCentreId)
            .Add("account", posting.AccountCode)
            .Add("amount-pence", posting.AmountPence)
            .Add("description", posting.Description)
            .Hash();
    }

    /// <summary>
    /// What a journal's seal holds of its postings: SHA-256 over their seals sorted, so that it does not depend on
    /// the order a bulk write gave them ids in, and so that <c>fairshare verify</c> can stream a large ledger
    /// journal by journal, keeping one digest each.
    /// </summary>
    public static string PostingsDigest(IEnumerable<string> postingSeals)
    {
        ArgumentNullException.ThrowIfNull(postingSeals);
        var seals = postingSeals.Order(StringComparer.Ordinal).ToList();
        var canonical = new Canonical("fairshare-postings-v1").Add("count", seals.Count);
        foreach (var seal in seals)
        {
            canonical.Add("posting", seal);
        }
        return canonical.Hash();
    }

    /// <summary>A journal's seal: its header, its postings (<see cref="PostingsDigest"/>), its place in the chain and the seal before it.</summary>
    public static string Of(JournalEntryRow journal, string postingsDigest, long sequence, string previous)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return new Canonical("fairshare-journal-v1")
            .Add("authority", journal.AuthorityId)
            .Add("sequence", sequence)
            .Add("financial-year-start", journal.FinancialYearStart)
            .Add("period", journal.PeriodNumber)
            .Add("source-kind", journal.SourceKind)
            .Add("source-reference", journal.SourceReference)
            .Add("description", journal.Description)
            .Add("created-by", journal.CreatedBy)
            .Add("created-at", journal.CreatedAt)
            .Add("recharge-run", journal.RechargeRunId)
            .Add("reverses", journal.ReversesId)
            .Add("postings", postingsDigest)
            .Add("previous", previous)
            .Hash();
    }

    /// <summary>An audit entry's seal: everything it records, its place in the chain and the seal before it.</summary>
    public static string Of(AuditEntry entry, long sequence, string previous)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new Canonical("fairshare-audit-v1")
            .Add("authority", entry.AuthorityId)
            .Add("sequence", sequence)
            .Add("at", entry.At)
            .Add("actor-id", entry.ActorId)
            .Add("actor-name", entry.ActorName)
            .Add("via", entry.Via)
            .Add("action", entry.Action)
            .Add("entity-type", entry.EntityType)
            .Add("entity-id", entry.EntityId)
            .Add("before", entry.Before)
            .Add("after", entry.After)
            .Add("previous", previous)
            .Hash();
    }

    /// <summary>The serialisation a seal is the hash of (public so that tests and docs can show it).</summary>
    public sealed class Canonical(string kind)
    {
        private readonly StringBuilder _text = new StringBuilder().Append(kind).Append('\n');

        public Canonical Add(string name, string? value)
        {
            _text.Append(name).Append(':');
            if (value is null)
            {
                _text.Append('-');
            }
            else
            {
                _text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            }
            _text.Append('\n');
            return this;
        }

        public Canonical Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

        public Canonical Add(string name, DateTimeOffset value) =>
            Add(name, new DateTime(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

        public string Text => _text.ToString();

        public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));
    }

    /// <summary>Which chain a lock or a head is for.</summary>
    public enum Chain
    {
        Journals = 1,
        Audit = 2,
    }

    /// <summary>
    /// Holds the authority's chain for the rest of the caller's transaction, so that two writers append one after
    /// the other instead of both after the same head. PostgreSQL: a transaction-scoped advisory lock. SQLite: its
    /// transactions already take the write lock when they begin (BEGIN IMMEDIATE).
    /// </summary>
    public static async Task LockAsync(FairShareDbContext db, int authorityId, Chain chain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is NpgsqlConnection)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({0x5EA1 + (int)chain}, {authorityId})", ct);
        }
    }

    /// <summary>The last journal of an authority's chain: its number and seal (0 and <see cref="Genesis"/> when there is none).</summary>
    public static async Task<(long Sequence, string Hash)> JournalHeadAsync(FairShareDbContext db, int authorityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.JournalEntries.AsNoTracking().Where(j => j.AuthorityId == authorityId && j.Sequence > 0)
            .OrderByDescending(j => j.Sequence).Select(j => new { j.Sequence, j.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? (0, Genesis) : (head.Sequence, head.Hash);
    }

    /// <summary>The last audit entry of an authority's chain: its number and seal (0 and <see cref="Genesis"/> when there is none).</summary>
    public static async Task<(long Sequence, string Hash)> AuditHeadAsync(FairShareDbContext db, int authorityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.AuthorityId == authorityId && EF.Property<long>(a, AuditSequence) > 0)
            .OrderByDescending(a => EF.Property<long>(a, AuditSequence))
            .Select(a => new { Sequence = EF.Property<long>(a, AuditSequence), Hash = EF.Property<string>(a, AuditHash) }).FirstOrDefaultAsync(ct);
        return head is null ? (0, Genesis) : (head.Sequence, head.Hash);
    }

    /// <summary>The audit entry's chain columns, kept out of the domain type (shadow properties).</summary>
    public const string AuditSequence = "Sequence";
    public const string AuditPreviousHash = "PreviousHash";
    public const string AuditHash = "Hash";

    /// <summary>
    /// Seals the audit entries about to be added, in the order they were added, after each authority's head; the
    /// caller holds a transaction (<see cref="FairShareDbContext"/> opens one when there is none).
    /// </summary>
    internal static async Task SealAddedAuditEntriesAsync(FairShareDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var authority in added.GroupBy(e => e.Entity.AuthorityId))
        {
            await LockAsync(db, authority.Key, Chain.Audit, ct);
            var (sequence, previous) = await AuditHeadAsync(db, authority.Key, ct);
            foreach (var entry in authority)
            {
                sequence++;
                var hash = Of(entry.Entity, sequence, previous);
                entry.Property(AuditSequence).CurrentValue = sequence;
                entry.Property(AuditPreviousHash).CurrentValue = previous;
                entry.Property(AuditHash).CurrentValue = hash;
                previous = hash;
            }
        }
    }

    /// <summary>
    /// Seals the journals, postings and audit entries written before migration LedgerSeal (numbered by it, their
    /// seals empty), in chain order, and gives each batch made before it the head after its journals. One
    /// transaction: the append-only triggers are dropped (SQLite) or switched off (PostgreSQL) for these updates
    /// and are back before it commits. Run once, by <see cref="DatabaseMigrator"/>, as the tables' owner and with
    /// system access; idempotent (a sealed row is left alone).
    /// </summary>
    public static async Task SealExistingAsync(FairShareDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.GetDbConnection() is NpgsqlConnection;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(postgres ? AppendOnlyTables.SetPostgresTriggers(enabled: false) : AppendOnlyTables.DropSqliteTriggers(), ct);
        foreach (var authority in await db.Authorities.AsNoTracking().Select(a => a.Id).ToListAsync(ct))
        {
            await SealExistingJournalsAsync(db, authority, ct);
            await SealExistingAuditAsync(db, authority, ct);
        }
        await db.Database.ExecuteSqlRawAsync(postgres ? AppendOnlyTables.SetPostgresTriggers(enabled: true) : AppendOnlyTables.CreateSqliteTriggers(), ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task SealExistingJournalsAsync(FairShareDbContext db, int authorityId, CancellationToken ct)
    {
        var journals = await db.JournalEntries.Where(j => j.AuthorityId == authorityId).OrderBy(j => j.Sequence).ToListAsync(ct);
        var previous = Genesis;
        foreach (var journal in journals)
        {
            if (journal.Hash.Length == 0)
            {
                var postings = await db.Postings.Where(p => p.JournalEntryId == journal.Id).ToListAsync(ct);
                postings.ForEach(p => p.Hash = Of(p));
                journal.PreviousHash = previous;
                journal.Hash = Of(journal, PostingsDigest(postings.Select(p => p.Hash)), journal.Sequence, previous);
            }
            previous = journal.Hash;
        }
        await db.SaveChangesAsync(ct);
        var batches = await db.JournalBatches.Where(b => b.AuthorityId == authorityId && b.ChainHead == "").ToListAsync(ct);
        foreach (var batch in batches)
        {
            var reversal = batch.Kind == JournalBatchKind.Reversal;
            var last = journals.Where(j => j.RechargeRunId == batch.RechargeRunId && (j.ReversesId is not null) == reversal).MaxBy(j => j.Sequence)
                ?? journals.Where(j => j.CreatedAt <= batch.CreatedAt).MaxBy(j => j.Sequence);
            batch.ChainHead = last?.Hash ?? Genesis;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task SealExistingAuditAsync(FairShareDbContext db, int authorityId, CancellationToken ct)
    {
        var entries = await db.AuditEntries.Where(a => a.AuthorityId == authorityId).OrderBy(a => EF.Property<long>(a, AuditSequence)).ToListAsync(ct);
        var previous = Genesis;
        foreach (var entry in entries)
        {
            var row = db.Entry(entry);
            if (((string)row.Property(AuditHash).CurrentValue!).Length == 0)
            {
                row.Property(AuditPreviousHash).CurrentValue = previous;
                row.Property(AuditHash).CurrentValue = Of(entry, (long)row.Property(AuditSequence).CurrentValue!, previous);
            }
            previous = (string)row.Property(AuditHash).CurrentValue!;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
