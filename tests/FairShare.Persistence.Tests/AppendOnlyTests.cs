using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Features.Tests;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Persistence.Tests;

/// <summary>
/// The database as the second wall: journal batches and their "sent" marks are appended, never changed, on
/// both databases; a batch is marked sent once; and a statement line's typed detail survives the round trip.
/// </summary>
public abstract class AppendOnlySuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private async Task<(FairShareDbContext Db, AsyncServiceScope Scope, JournalBatchRow Batch)> BatchAsync()
    {
        var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var authority = await db.Authorities.Select(a => a.Id).FirstAsync();
        var run = new RechargeRunRow { AuthorityId = authority, FinancialYearStart = 2030, PeriodNumber = 1, Status = RechargeRunStatus.Reversed, Method = "Reciprocal", PostedBy = "test", Summary = "{}" };
        db.RechargeRuns.Add(run);
        await db.SaveChangesAsync();
        var batch = new JournalBatchRow { AuthorityId = authority, RechargeRunId = run.Id, Kind = JournalBatchKind.Run, FinancialYearStart = 2030, PeriodNumber = 1, Lines = 2, DebitsPence = 100, CreditsPence = 100, CreatedBy = "test" };
        db.JournalBatches.Add(batch);
        await db.SaveChangesAsync();
        return (db, scope, batch);
    }

    [Fact]
    public async Task ABatch_CannotBeChangedOrDeleted()
    {
        var (db, scope, batch) = await BatchAsync();
        await using var _ = scope;
        batch.DebitsPence = 1;
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.JournalBatches.Remove(await db.JournalBatches.SingleAsync(b => b.Id == batch.Id));
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ABatch_IsMarkedSentOnce()
    {
        var (db, scope, batch) = await BatchAsync();
        await using var _ = scope;
        JournalBatchEventRow Sent() => new() { AuthorityId = batch.AuthorityId, JournalBatchId = batch.Id, Kind = JournalBatchEventRow.Sent, By = "test" };
        db.JournalBatchEvents.Add(Sent());
        await db.SaveChangesAsync();
        db.JournalBatchEvents.Add(Sent());
        var twice = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(BulkInsert.IsUniqueViolation(twice.InnerException!));
    }

    [Theory]
    [InlineData(RechargeLineKind.AllocatedSupportCost, null)]
    [InlineData(RechargeLineKind.AllocatedSupportCost, 42)]
    [InlineData(RechargeLineKind.PayAsYouGo, null)]
    public void AStatementLinesKindAndDetail_AreReadBackAsWritten(RechargeLineKind kind, int? via)
    {
        RechargeLineDetail detail = kind == RechargeLineKind.AllocatedSupportCost ? new AllocationPath(via) : new SourceRecords(["R-1", "R-2"]);
        var line = new RechargeLine(1, 2, null, kind, new Money(123), null, null, "why", detail);

        var (readKind, readDetail) = LedgerWriter.Typed(LedgerWriter.ToRow(line, 7, 9));

        Assert.Equal(kind, readKind);
        Assert.Equal(detail.GetType(), readDetail.GetType());
        Assert.Equal((detail as AllocationPath)?.ViaCostCentreId, (readDetail as AllocationPath)?.ViaCostCentreId);
        Assert.Equal(detail is SourceRecords r ? r.RecordIds : [], readDetail is SourceRecords back ? back.RecordIds : []);
    }
}

public sealed class AppendOnlyOnSqlite(SqliteDatabase database) : AppendOnlySuite<SqliteDatabase>(database);

public sealed class AppendOnlyOnPostgres(PostgresDatabase database) : AppendOnlySuite<PostgresDatabase>(database);
