using FairShare.Domain.Access;
using FairShare.Features.Demo;
using FairShare.Features.Ledger;
using FairShare.Features.Recharge;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FairShare.Features.Tests;

/// <summary>
/// The ledger and the audit log are append-only in fact, on SQLite and on PostgreSQL: a row cannot be rewritten in
/// place, and what someone with the database's files or its owner's password changes anyway (triggers dropped,
/// seals recomputed) <c>verify</c> names. Each forgery is undone at the end of its test, as the tests share a database.
/// </summary>
public abstract class LedgerSealSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private static readonly RoleGrant Finance = new(Role.FinanceOfficer);

    private async Task<T> AsAsync<T>(RoleGrant grant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await database.ScopeForAsync(County, grant, "Test " + grant.Role);
        return await action(scope.ServiceProvider);
    }

    private Task<LedgerVerification> VerifyAsync() =>
        AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<VerifyLedger>().HandleAsync(new VerifyLedgerRequest()).Ok());

    /// <summary>A posted run of its own period (each test posts a different month), with its batch sent to the ledger.</summary>
    private async Task<int> PostedRunAsync(string period)
    {
        var runId = (await AsAsync(Finance, s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest(period)).Ok())).RunId!.Value;
        var batch = await WithDbAsync(db => db.JournalBatches.Where(b => b.RechargeRunId == runId).Select(b => b.Id).FirstAsync());
        await AsAsync(Finance, s => s.GetRequiredService<MarkJournalBatchSent>().HandleAsync(new MarkJournalBatchSentRequest(batch)));
        return runId;
    }

    private async Task<T> WithDbAsync<T>(Func<FairShareDbContext, Task<T>> work)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await work(db);
    }

    private static bool IsPostgres(FairShareDbContext db) => db.Database.GetDbConnection() is NpgsqlConnection;

    /// <summary>What an attacker with the database's files (SQLite) or its owner's role (PostgreSQL) can do: the append-only triggers off, a change, and back on.</summary>
    private Task TamperAsync(string sql, bool reseal = false) => WithDbAsync(async db =>
    {
        var postgres = IsPostgres(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync(postgres ? AppendOnlyTables.SetPostgresTriggers(enabled: false) : AppendOnlyTables.DropSqliteTriggers());
            await db.Database.ExecuteSqlRawAsync(sql);
            if (reseal)
            {
                // Clear every seal of the ledger, so that the sealing code itself computes all of them again over the forged rows.
                await db.Database.ExecuteSqlRawAsync("""UPDATE "JournalEntries" SET "Hash" = '', "PreviousHash" = ''; UPDATE "Postings" SET "Hash" = '';""");
            }
            await db.Database.ExecuteSqlRawAsync(postgres ? AppendOnlyTables.SetPostgresTriggers(enabled: true) : AppendOnlyTables.CreateSqliteTriggers());
            await transaction.CommitAsync();
        }
        if (reseal)
        {
            await LedgerSeal.SealExistingAsync(db, CancellationToken.None);
        }
        return 0;
    });

    private Task<(long Id, long JournalId, long Sequence, int? RunId)> PostingOfRunAsync(int runId, int skip = 0) => WithDbAsync(async db =>
    {
        var p = await db.Postings.Where(p => db.JournalEntries.Any(j => j.Id == p.JournalEntryId && j.RechargeRunId == runId && j.ReversesId == null) && p.AmountPence > 1000)
            .OrderBy(p => p.Id).Skip(skip).FirstAsync();
        var j = await db.JournalEntries.SingleAsync(j => j.Id == p.JournalEntryId);
        return (p.Id, j.Id, j.Sequence, j.RechargeRunId);
    });

    [Fact]
    public async Task EveryJournalAndAuditEntry_IsSealedOntoItsChain_AndEachBatchCarriesTheHeadAfterItsJournals()
    {
        var runId = await PostedRunAsync("2026-09");
        await AsAsync(Finance, s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-09")).Ok());
        var (journals, batches) = await WithDbAsync(async db =>
        {
            var id = await db.Authorities.Where(a => a.Code == County).Select(a => a.Id).SingleAsync();
            return (await db.JournalEntries.Where(j => j.AuthorityId == id).OrderBy(j => j.Sequence).ToListAsync(),
                await db.JournalBatches.Where(b => b.RechargeRunId == runId).OrderBy(b => b.Id).ToListAsync());
        });
        Assert.Equal(Enumerable.Range(1, journals.Count).Select(i => (long)i), journals.Select(j => j.Sequence));
        Assert.Equal([LedgerSeal.Genesis, .. journals.SkipLast(1).Select(j => j.Hash)], journals.Select(j => j.PreviousHash));
        Assert.All(journals, j => Assert.Matches("^[0-9a-f]{64}$", j.Hash));
        Assert.Equal(2, batches.Count);
        Assert.All(batches, b => Assert.Equal(journals.Where(j => j.RechargeRunId == runId && (j.ReversesId != null) == (b.Kind == JournalBatchKind.Reversal)).MaxBy(j => j.Sequence)!.Hash, b.ChainHead));
        var export = await AsAsync(Finance, s => s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest(null, batches[0].Id)).Ok());
        Assert.Equal(batches[0].ChainHead, export.ChainHead);

        var verified = await VerifyAsync();
        Assert.True(verified.Intact, string.Join("\n", verified.Findings));
        Assert.Equal(journals.Count, verified.Journals);
        Assert.Equal(journals[^1].Hash, verified.JournalHead);
        Assert.True(verified.AuditEntries > 0);
    }

    [Fact]
    public async Task ARowRewrittenInPlace_IsRefused_OnEveryAppendOnlyTable()
    {
        await PostedRunAsync("2026-10");
        foreach (var table in AppendOnlyTables.Sqlite.Select(t => t.Table))
        {
            var countSql = $"""SELECT count(*) AS "Value" FROM "{table}" """;
            var (countBefore, statements) = await WithDbAsync(async db =>
            {
                var count = await db.Database.SqlQueryRaw<int>(countSql).SingleAsync();
                var same = $"""SELECT * FROM "{table}" WHERE "Id" = (SELECT max("Id") FROM "{table}")""";
                string[] sql = IsPostgres(db)
                    ? [$"""INSERT INTO "{table}" {same} ON CONFLICT ("Id") DO UPDATE SET "AuthorityId" = EXCLUDED."AuthorityId" """]
                    : [$"""REPLACE INTO "{table}" {same}""", $"""INSERT OR REPLACE INTO "{table}" {same}"""];
                return (count, sql);
            });
            Assert.True(countBefore > 0, table);
            foreach (var sql in statements)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            }
            Assert.Equal(countBefore, await WithDbAsync(db => db.Database.SqlQueryRaw<int>(countSql).SingleAsync()));
        }
        // A new row that takes the place of another by a unique key other than its id (a second "sent" mark, a second journal at one place in the chain).
        var replacements = await WithDbAsync(db => Task.FromResult(IsPostgres(db)
            ? new[]
            {
                """INSERT INTO "JournalBatchEvents" ("AuthorityId", "JournalBatchId", "Kind", "LedgerReference", "At", "By") SELECT "AuthorityId", "JournalBatchId", "Kind", 'forged', "At", "By" FROM "JournalBatchEvents" ORDER BY "Id" DESC LIMIT 1 ON CONFLICT ("JournalBatchId", "Kind") DO UPDATE SET "LedgerReference" = 'forged'""",
            }
            : [
                """INSERT OR REPLACE INTO "JournalBatchEvents" ("AuthorityId", "JournalBatchId", "Kind", "LedgerReference", "At", "By") SELECT "AuthorityId", "JournalBatchId", "Kind", 'forged', "At", "By" FROM "JournalBatchEvents" ORDER BY "Id" DESC LIMIT 1""",
                """INSERT OR REPLACE INTO "JournalEntries" ("AuthorityId", "FinancialYearStart", "PeriodNumber", "SourceKind", "SourceReference", "Description", "CreatedBy", "CreatedAt", "RechargeRunId", "ReversesId", "Sequence", "PreviousHash", "Hash") SELECT "AuthorityId", "FinancialYearStart", "PeriodNumber", "SourceKind", "SourceReference", 'forged', "CreatedBy", "CreatedAt", "RechargeRunId", "ReversesId", "Sequence", "PreviousHash", "Hash" FROM "JournalEntries" ORDER BY "Id" DESC LIMIT 1""",
            ]));
        foreach (var sql in replacements)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        }
        Assert.Equal(0, await WithDbAsync(db => db.JournalBatchEvents.CountAsync(e => e.LedgerReference == "forged")));
        var verified = await VerifyAsync();
        Assert.True(verified.Intact, string.Join("\n", verified.Findings));
    }

    [Fact]
    public async Task APostingsAmountForged_IsNamed_WithItsUnbalancedJournalAndItsBatchsTotals()
    {
        var runId = await PostedRunAsync("2026-11");
        var (posting, journal, sequence, _) = await PostingOfRunAsync(runId);
        var batch = await WithDbAsync(db => db.JournalBatches.Where(b => b.RechargeRunId == runId && b.Kind == JournalBatchKind.Run).Select(b => b.Id).SingleAsync());
        await TamperAsync($"""UPDATE "Postings" SET "AmountPence" = "AmountPence" + 100 WHERE "Id" = {posting}""");
        try
        {
            var verified = await VerifyAsync();
            Assert.False(verified.Intact);
            Assert.Contains(verified.Findings, f => (f.Row, f.Id, f.Sequence, f.Check) == ("posting", posting, sequence, VerifyLedger.SealMismatch));
            Assert.Contains(verified.Findings, f => (f.Row, f.Id, f.Check) == ("journal", journal, VerifyLedger.Unbalanced) && f.Detail.Contains("differ by £1.00", StringComparison.Ordinal));
            Assert.Contains(verified.Findings, f => (f.Row, f.Id, f.Check) == ("batch", batch, VerifyLedger.BatchTotalsMismatch));
            Assert.DoesNotContain(verified.Findings, f => f.Check is VerifyLedger.BrokenLink or VerifyLedger.SequenceGap);
        }
        finally
        {
            await TamperAsync($"""UPDATE "Postings" SET "AmountPence" = "AmountPence" - 100 WHERE "Id" = {posting}""");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task APostingForged_AndEveryLaterSealRecomputed_IsFoundByTheBatchHeads()
    {
        var runId = await PostedRunAsync("2027-01");
        await PostedRunAsync("2027-02");
        var (first, _, _, _) = await PostingOfRunAsync(runId);
        var (second, _, _, _) = await PostingOfRunAsync(runId, skip: 1);
        var batch = await WithDbAsync(db => db.JournalBatches.Where(b => b.RechargeRunId == runId && b.Kind == JournalBatchKind.Run).Select(b => b.Id).SingleAsync());
        // A balanced forgery: a pound moved between two debits, every seal from there on recomputed by the sealing code itself.
        var sameSign = await WithDbAsync(async db => (await db.Postings.SingleAsync(p => p.Id == first)).AmountPence > 0 == (await db.Postings.SingleAsync(p => p.Id == second)).AmountPence > 0);
        Assert.True(sameSign);
        await TamperAsync($"""UPDATE "Postings" SET "AmountPence" = "AmountPence" + 100 WHERE "Id" = {first}; UPDATE "Postings" SET "AmountPence" = "AmountPence" - 100 WHERE "Id" = {second};""", reseal: true);
        try
        {
            var verified = await VerifyAsync();
            Assert.False(verified.Intact);
            Assert.All(verified.Findings, f => Assert.Equal(VerifyLedger.BatchHeadNotFound, f.Check));
            Assert.Contains(verified.Findings, f => (f.Row, f.Id) == ("batch", batch));
            Assert.True(verified.Findings.Count >= 2, "every batch from the forged one on no longer leads to the head it carried");
        }
        finally
        {
            await TamperAsync($"""UPDATE "Postings" SET "AmountPence" = "AmountPence" - 100 WHERE "Id" = {first}; UPDATE "Postings" SET "AmountPence" = "AmountPence" + 100 WHERE "Id" = {second};""", reseal: true);
        }
        var restored = await VerifyAsync();
        Assert.True(restored.Intact, string.Join("\n", restored.Findings));
    }

    [Fact]
    public async Task AnUnbalancedForgery_ResealedThroughout_IsNamedAsUnbalanced()
    {
        var runId = await PostedRunAsync("2027-03");
        var (posting, journal, sequence, _) = await PostingOfRunAsync(runId);
        await TamperAsync($"""UPDATE "Postings" SET "AmountPence" = "AmountPence" + 1 WHERE "Id" = {posting}""", reseal: true);
        try
        {
            var verified = await VerifyAsync();
            Assert.Contains(verified.Findings, f => (f.Row, f.Id, f.Sequence, f.Check) == ("journal", journal, sequence, VerifyLedger.Unbalanced));
            Assert.Contains(verified.Findings, f => f.Check == VerifyLedger.BatchTotalsMismatch);
            Assert.DoesNotContain(verified.Findings, f => f.Check is VerifyLedger.SealMismatch or VerifyLedger.BrokenLink);
        }
        finally
        {
            await TamperAsync($"""UPDATE "Postings" SET "AmountPence" = "AmountPence" - 1 WHERE "Id" = {posting}""", reseal: true);
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task AnAuditEntryAltered_IsNamed()
    {
        var entry = await WithDbAsync(db => db.AuditEntries.Where(a => a.Authority.Code == County).OrderBy(a => a.Id).Select(a => new { a.Id, a.ActorName }).FirstAsync());
        await TamperAsync($"""UPDATE "AuditEntries" SET "ActorName" = 'Somebody else' WHERE "Id" = {entry.Id}""");
        try
        {
            var verified = await VerifyAsync();
            var finding = Assert.Single(verified.Findings);
            Assert.Equal(("audit entry", entry.Id, VerifyLedger.SealMismatch), (finding.Row, finding.Id, finding.Check));
        }
        finally
        {
            await TamperAsync($"""UPDATE "AuditEntries" SET "ActorName" = '{entry.ActorName.Replace("'", "''", StringComparison.Ordinal)}' WHERE "Id" = {entry.Id}""");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task AnAuditEntryDeleted_LeavesASequenceGap_AndABrokenLink_AtTheEntryAfterIt()
    {
        var entries = await WithDbAsync(db => db.AuditEntries.Where(a => a.Authority.Code == County)
            .OrderBy(a => EF.Property<long>(a, LedgerSeal.AuditSequence)).Select(a => new { a.Id, Sequence = EF.Property<long>(a, LedgerSeal.AuditSequence) }).Take(3).ToListAsync());
        Assert.Equal(3, entries.Count);
        var (gone, next) = (entries[1], entries[2]);
        await TamperAsync($"""CREATE TABLE "tamper_saved" AS SELECT * FROM "AuditEntries" WHERE "Id" = {gone.Id}; DELETE FROM "AuditEntries" WHERE "Id" = {gone.Id};""");
        try
        {
            var verified = await VerifyAsync();
            Assert.Contains(verified.Findings, f => (f.Row, f.Id, f.Sequence, f.Check) == ("audit entry", next.Id, next.Sequence, VerifyLedger.SequenceGap));
            Assert.Contains(verified.Findings, f => (f.Row, f.Id, f.Check) == ("audit entry", next.Id, VerifyLedger.BrokenLink));
        }
        finally
        {
            await TamperAsync("""INSERT INTO "AuditEntries" SELECT * FROM "tamper_saved"; DROP TABLE "tamper_saved";""");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheSeals_IsSealedWhenMigrated_ExactlyAsItWouldHaveBeenWhenWritten()
    {
        await PostedRunAsync("2026-12");
        var before = await WithDbAsync(async db => (
            await db.JournalEntries.OrderBy(j => j.Id).Select(j => j.Hash).ToListAsync(),
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => EF.Property<string>(a, LedgerSeal.AuditHash)).ToListAsync(),
            await db.JournalBatches.OrderBy(b => b.Id).Select(b => b.ChainHead).ToListAsync()));
        await WithDbAsync(async db =>
        {
            var previous = db.Database.GetMigrations().Single(m => m.EndsWith("_JournalBatches", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(previous);
            return 0;
        });
        var applied = await WithDbAsync(db => new DatabaseMigrator(db).MigrateAsync());
        Assert.Contains(applied, m => m.EndsWith("_LedgerSeal", StringComparison.Ordinal));
        var after = await WithDbAsync(async db => (
            await db.JournalEntries.OrderBy(j => j.Id).Select(j => j.Hash).ToListAsync(),
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => EF.Property<string>(a, LedgerSeal.AuditHash)).ToListAsync(),
            await db.JournalBatches.OrderBy(b => b.Id).Select(b => b.ChainHead).ToListAsync()));
        Assert.Equal(before.Item1, after.Item1);
        Assert.Equal(before.Item2, after.Item2);
        Assert.Equal(before.Item3, after.Item3);
        var verified = await VerifyAsync();
        Assert.True(verified.Intact, string.Join("\n", verified.Findings));
        // The triggers are back, with the one that refuses REPLACE.
        await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "ActorName" = 'x'""")));
    }

    [Fact]
    public async Task AuditedChangesAtOnce_AppendOneAfterAnother_AndTheChainStaysIntact()
    {
        var before = await VerifyAsync();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            AsAsync(Finance, s => s.GetRequiredService<SetRechargeMethod>().HandleAsync(new SetRechargeMethodRequest(i % 2 == 0 ? "StepDown" : "Reciprocal")).Ok()))));
        await AsAsync(Finance, s => s.GetRequiredService<SetRechargeMethod>().HandleAsync(new SetRechargeMethodRequest("Reciprocal")).Ok());
        var after = await VerifyAsync();
        Assert.True(after.Intact, string.Join("\n", after.Findings));
        Assert.Equal(before.AuditEntries + 9, after.AuditEntries);
    }

    [Fact]
    public async Task Verify_IsForAuditorsFinanceOfficersAndAdministrators()
    {
        foreach (var role in new[] { Role.Auditor, Role.FinanceOfficer, Role.Administrator })
        {
            await AsAsync(new RoleGrant(role), s => s.GetRequiredService<VerifyLedger>().HandleAsync(new VerifyLedgerRequest()).Ok());
        }
        await AsAsync(new RoleGrant(Role.ValueForMoneyPanel), s => s.GetRequiredService<VerifyLedger>().HandleAsync(new VerifyLedgerRequest()).Fails(Features.OutcomeKind.Forbidden));
    }
}

public sealed class LedgerSealOnSqlite(SqliteDatabase database) : LedgerSealSuite<SqliteDatabase>(database);

public sealed class LedgerSealOnPostgres(PostgresDatabase database) : LedgerSealSuite<PostgresDatabase>(database);
