using System.Text;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Ledger;
using FairShare.Features.Recharge;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>
/// A period with a bad record can always be corrected (issue 14): an import is withdrawn while its periods are
/// open — every kind, the batch kept and marked, audited, the ledger's seals intact — and the same file then imports
/// again; refused once a period is posted or closed, twice, or for another authority. On SQLite and PostgreSQL.
/// </summary>
public abstract class WithdrawImportSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private static readonly RoleGrant Finance = new(Role.FinanceOfficer);

    public static TheoryData<ImportKind, string, int> EveryKind => new()
    {
        { ImportKind.Usage, "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nWD-1,2027-02-05,F-OP,LEG-ADV,2.5,J-1,me\nWD-2,2027-02-06,F-CSC,LEG-ADV,3,J-2,me\nWD-3,2027-02-06,F-CSC,LEG-ADV,1,J-3,me\n", 3 },
        { ImportKind.Drivers, "period,costCentre,driver,value\n2027-02,F-OP,desks,12\n2027-02,F-CSC,desks,30\n", 2 },
        { ImportKind.Costs, "period,costCentre,account,amount\n2027-02,S-LEG,3000,10.00\n", 1 },
        { ImportKind.Attributions, "period,provider,buyer,amount,description\n2027-02,S-LEG,F-CSC,420.00,Counsel for the Jones hearing\n", 1 },
        { ImportKind.Apportionments, "period,provider,driver,amount,description\n2027-02,S-INS,FTE,999.99,Motor fleet premium\n", 1 },
    };

    private async Task<T> AsAsync<T>(RoleGrant grant, Func<IServiceProvider, Task<T>> action, string authority = County)
    {
        await using var scope = await database.ScopeForAsync(authority, grant, "Test " + grant.Role);
        return await action(scope.ServiceProvider);
    }

    private Task<ImportResult> ImportAsync(ImportKind kind, string csv, string name) =>
        AsAsync(Finance, s => s.GetRequiredService<ImportFile>().HandleAsync(new ImportRequest(kind, name, Encoding.UTF8.GetBytes(csv))).Ok());

    private Task<Outcome<ImportWithdrawal>> WithdrawAsync(int id, string? reason = "The file held the wrong month", bool dryRun = false, RoleGrant? grant = null, string authority = County) =>
        AsAsync(grant ?? Finance, s => s.GetRequiredService<WithdrawImport>().HandleAsync(new WithdrawImportRequest(id, reason, dryRun)), authority);

    private Task<Outcome<Done>> PeriodAsync(string period, string step) => AsAsync(Finance, async s => step switch
    {
        "post" => (await s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest(period))).Map(r => new Done("")),
        "reverse" => await s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest(period)),
        _ => await s.GetRequiredService<ClosePeriod>().HandleAsync(new ClosePeriodRequest(period)),
    });

    private async Task<T> WithDbAsync<T>(Func<FairShareDbContext, Task<T>> work)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await work(db);
    }

    /// <summary>Every table an import writes to and the audit log, counted: what "nothing was written" is checked against.</summary>
    private Task<(int, int, int, int, int, int, int)> CountsAsync() => WithDbAsync(async db => (await db.ImportBatches.CountAsync(), await db.Usage.CountAsync(),
        await db.UsageSummaries.CountAsync(), await db.DriverValues.CountAsync(), await db.CostActuals.CountAsync(), await db.ProviderCosts.CountAsync(), await db.AuditEntries.CountAsync()));

    private Task<int> RecordsOfAsync(int batch) => WithDbAsync(async db => await db.Usage.CountAsync(u => u.ImportBatchId == batch)
        + await db.DriverValues.CountAsync(d => d.ImportBatchId == batch) + await db.CostActuals.CountAsync(c => c.ImportBatchId == batch)
        + await db.ProviderCosts.CountAsync(c => c.ImportBatchId == batch));

    private async Task AssertUnchangedAsync((int, int, int, int, int, int, int) before, Outcome<ImportWithdrawal> outcome, OutcomeKind kind)
    {
        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public async Task EveryKind_IsWithdrawn_KeptAsWithdrawn_Audited_AndTheSameFileImportsAgain(ImportKind kind, string csv, int rows)
    {
        var name = $"withdraw-{kind}.csv";
        var imported = await ImportAsync(kind, csv, name);
        Assert.Equal(rows, await RecordsOfAsync(imported.BatchId));

        // The dry run says what would go and writes nothing.
        var before = await CountsAsync();
        var dry = await WithdrawAsync(imported.BatchId, reason: null, dryRun: true).Ok();
        Assert.Equal(before, await CountsAsync());
        Assert.True(dry.DryRun);
        Assert.Equal(["2027-02"], dry.Periods);
        var removed = Assert.Single(dry.Removed);
        Assert.Equal((kind, rows, imported.Total), (removed.Kind, removed.Rows, removed.Total));
        Assert.Contains("Nothing was changed (dry run)", dry.Message, StringComparison.Ordinal);

        var done = await WithdrawAsync(imported.BatchId).Ok();
        Assert.False(done.DryRun);
        Assert.Equal(rows, done.Rows);
        Assert.Equal(0, await RecordsOfAsync(imported.BatchId));
        var batch = await WithDbAsync(db => db.ImportBatches.SingleAsync(b => b.Id == imported.BatchId));
        Assert.Equal((TestClock.November2026, "Test FinanceOfficer", "The file held the wrong month", "2027-02"),
            (batch.WithdrawnAt, batch.WithdrawnBy, batch.WithdrawalReason, batch.WithdrawnPeriods));
        Assert.Equal(rows, batch.Rows); // what it held is kept on the batch
        if (kind == ImportKind.Usage)
        {
            // The usage totals a run reads still add up to the records that are left.
            var (records, totals) = await WithDbAsync(async db => (
                (await db.Usage.Where(u => u.Date >= new DateOnly(2027, 2, 1) && u.Date < new DateOnly(2027, 3, 1)).Select(u => u.Quantity).ToListAsync()).Sum(),
                (await db.UsageSummaries.Where(s => s.FinancialYearStart == 2026 && s.PeriodNumber == 11).Select(s => s.Quantity).ToListAsync()).Sum()));
            Assert.Equal(records, totals);
        }

        var audit = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("import.withdraw")).Ok());
        var entry = Assert.Single(audit, a => a.EntityId == imported.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("The file held the wrong month", entry.After, StringComparison.Ordinal);
        var verified = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<VerifyLedger>().HandleAsync(new VerifyLedgerRequest()).Ok());
        Assert.True(verified.Intact, string.Join("\n", verified.Findings));

        // The same bytes again: the hash guard and the business keys count only what stands.
        var again = await ImportAsync(kind, csv, name);
        Assert.Equal(rows, await RecordsOfAsync(again.BatchId));
        var listed = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<ListImports>().HandleAsync(new ListImportsRequest("2027-02")).Ok());
        Assert.Equal("withdrawn", listed.Single(i => i.Id == imported.BatchId).State);
        Assert.Equal("imported", listed.Single(i => i.Id == again.BatchId).State);
        // Left as it was found for the other kinds' rows: the re-import withdrawn too.
        await WithdrawAsync(again.BatchId, "Test tidy-up").Ok();
    }

    [Fact]
    public async Task APostedPeriod_RefusesTheWithdrawal_UntilItsRunIsReversed()
    {
        var imported = await ImportAsync(ImportKind.Drivers, "period,costCentre,driver,value\n2026-12,F-OP,lockers,4\n", "posted.csv");
        await PeriodAsync("2026-12", "post").Ok();
        var before = await CountsAsync();

        var refused = await WithdrawAsync(imported.BatchId);
        await AssertUnchangedAsync(before, refused, OutcomeKind.Refused);
        Assert.Equal($"Import {imported.BatchId} cannot be withdrawn: 2026-12 is posted: its run priced these records. Reverse the run first, then withdraw the import.", refused.Message);
        // A dry run is refused the same way, so a page can say why before anyone types a reason.
        await AssertUnchangedAsync(before, await WithdrawAsync(imported.BatchId, null, dryRun: true), OutcomeKind.Refused);

        await PeriodAsync("2026-12", "reverse").Ok();
        await WithdrawAsync(imported.BatchId).Ok();
        Assert.Equal(0, await RecordsOfAsync(imported.BatchId));
    }

    [Fact]
    public async Task AClosedPeriod_RefusesTheWithdrawal()
    {
        var imported = await ImportAsync(ImportKind.Costs, "period,costCentre,account,amount\n2026-10,S-LEG,9100,-5.00\n", "closed.csv");
        await PeriodAsync("2026-10", "post").Ok();
        await PeriodAsync("2026-10", "close").Ok();
        var before = await CountsAsync();

        var refused = await WithdrawAsync(imported.BatchId);

        await AssertUnchangedAsync(before, refused, OutcomeKind.Refused);
        Assert.StartsWith($"Import {imported.BatchId} cannot be withdrawn: 2026-10 is closed; its records stay as they are.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await RecordsOfAsync(imported.BatchId));
    }

    [Fact]
    public async Task AWithdrawnImport_IsNotWithdrawnTwice()
    {
        var imported = await ImportAsync(ImportKind.Drivers, "period,costCentre,driver,value\n2027-01,F-OP,benches,4\n", "twice.csv");
        await WithdrawAsync(imported.BatchId, "First time").Ok();
        var before = await CountsAsync();

        var again = await WithdrawAsync(imported.BatchId, "Second time");

        await AssertUnchangedAsync(before, again, OutcomeKind.Refused);
        Assert.Equal($"Import {imported.BatchId} was withdrawn on 2026-11-24 12:00 by Test FinanceOfficer: First time", again.Message);
        await AssertUnchangedAsync(before, await WithdrawAsync(imported.BatchId, null, dryRun: true), OutcomeKind.Refused);
    }

    [Fact]
    public async Task AnotherAuthoritysImport_IsNotFound_AndNobodyButAnImporterMayWithdraw()
    {
        var imported = await ImportAsync(ImportKind.Drivers, "period,costCentre,driver,value\n2027-01,F-OP,shelves,4\n", "theirs.csv");
        var before = await CountsAsync();

        await AssertUnchangedAsync(before, await WithdrawAsync(imported.BatchId, authority: DemoCatalogue.NeighbourCode), OutcomeKind.NotFound);
        await AssertUnchangedAsync(before, await WithdrawAsync(int.MaxValue), OutcomeKind.NotFound);
        await AssertUnchangedAsync(before, await WithdrawAsync(imported.BatchId, grant: new RoleGrant(Role.Auditor)), OutcomeKind.Forbidden);
        await AssertUnchangedAsync(before, await WithdrawAsync(imported.BatchId, grant: new RoleGrant(Role.ValueForMoneyPanel)), OutcomeKind.Forbidden);
        // Provider staff import usage, not drivers: they may not withdraw a drivers file either.
        var legal = await database.IdOfAsync<Domain.CostCentre>(County, "S-LEG");
        await AssertUnchangedAsync(before, await WithdrawAsync(imported.BatchId, grant: new RoleGrant(Role.ProviderStaff, legal)), OutcomeKind.Forbidden);
        Assert.Equal(1, await RecordsOfAsync(imported.BatchId));
    }

    [Fact]
    public async Task TwoWithdrawalsAtOnce_RemoveTheRecordsOnce()
    {
        var imported = await ImportAsync(ImportKind.Usage, "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nWC-1,2027-01-08,F-OP,LEG-ADV,4,J,me\n", "race.csv");
        var summaries = await WithDbAsync(db => db.UsageSummaries.CountAsync(s => s.ImportBatchId == imported.BatchId));

        var outcomes = await Task.WhenAll(WithdrawAsync(imported.BatchId, "One"), WithdrawAsync(imported.BatchId, "Two"));

        Assert.Equal([OutcomeKind.Ok, OutcomeKind.Refused], outcomes.Select(o => o.Kind).Order());
        // One set of negating totals, not two.
        Assert.Equal(2 * summaries, await WithDbAsync(db => db.UsageSummaries.CountAsync(s => s.ImportBatchId == imported.BatchId)));
        Assert.Equal(0m, (await WithDbAsync(db => db.UsageSummaries.Where(s => s.ImportBatchId == imported.BatchId).Select(s => s.Quantity).ToListAsync())).Sum());
    }

    [Theory]
    [InlineData(null, "Enter why the import is withdrawn: it goes into the audit log.")]
    [InlineData("   ", "Enter why the import is withdrawn: it goes into the audit log.")]
    [InlineData("long", "is 501 characters; a reason has at most 500.")]
    public async Task AWithdrawalWithoutAReason_OrWithTooLongAOne_IsInvalid(string? reason, string message)
    {
        var imported = await ImportAsync(ImportKind.Drivers, $"period,costCentre,driver,value\n2027-01,F-CSC,reason{reason?.Length ?? -1},4\n", $"reason{reason?.Length ?? -1}.csv");
        var before = await CountsAsync();

        var outcome = await WithdrawAsync(imported.BatchId, reason == "long" ? new string('x', 501) : reason);

        await AssertUnchangedAsync(before, outcome, OutcomeKind.Invalid);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("reason", message), (error.Field, error.Message));
    }

    [Fact]
    public async Task ProviderStaff_WithdrawTheirOwnServicesUsage_NotAnothers()
    {
        var legal = await database.IdOfAsync<Domain.CostCentre>(County, "S-LEG");
        var hr = await database.IdOfAsync<Domain.CostCentre>(County, "S-HR");
        var imported = await ImportAsync(ImportKind.Usage, "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nWS-1,2027-01-07,F-OP,LEG-ADV,1,J,me\n", "staff.csv");
        var before = await CountsAsync();

        var other = await WithdrawAsync(imported.BatchId, grant: new RoleGrant(Role.ProviderStaff, hr));

        await AssertUnchangedAsync(before, other, OutcomeKind.Forbidden);
        Assert.EndsWith("cannot withdraw usage of LEG-ADV: it is another service's.", other.Message, StringComparison.Ordinal);
        await WithdrawAsync(imported.BatchId, grant: new RoleGrant(Role.ProviderStaff, legal)).Ok();
        Assert.Equal(0, await RecordsOfAsync(imported.BatchId));
    }
}

public sealed class WithdrawImportOnSqlite(SqliteDatabase database) : WithdrawImportSuite<SqliteDatabase>(database);

public sealed class WithdrawImportOnPostgres(PostgresDatabase database) : WithdrawImportSuite<PostgresDatabase>(database);
