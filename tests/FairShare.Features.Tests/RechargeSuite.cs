using System.Text;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Recharge;
using FairShare.Features.Statements;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>The month end on the demo council, on SQLite and on PostgreSQL: import, run, reverse, export, close.</summary>
public abstract class RechargeSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private static readonly RoleGrant Finance = new(Role.FinanceOfficer);

    private async Task<T> AsFinanceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await database.ScopeForAsync(County, Finance, "Test finance officer");
        return await action(scope.ServiceProvider);
    }

    private Task<ImportResult> ImportAsync(ImportKind kind, string csv, decimal? expect = null, string name = "file.csv") =>
        AsFinanceAsync(s => s.GetRequiredService<ImportFile>().HandleAsync(new ImportRequest(kind, name, Encoding.UTF8.GetBytes(csv), expect)).Ok());

    /// <summary>Imports a file that must be refused as invalid, and gives its outcome.</summary>
    private Task<Outcome<ImportResult>> RejectedAsync(ImportKind kind, string csv, decimal? expect = null, string name = "file.csv") =>
        AsFinanceAsync(s => s.GetRequiredService<ImportFile>().HandleAsync(new ImportRequest(kind, name, Encoding.UTF8.GetBytes(csv), expect)).Fails(OutcomeKind.Invalid));

    private async Task<List<JournalEntryRow>> JournalsAsync(int runId)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.JournalEntries.AsNoTracking().Include(j => j.Postings).Where(j => j.RechargeRunId == runId).OrderBy(j => j.Id).ToListAsync();
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task ImportWithBadRows_ImportsNothing_AndReportsEveryRow()
    {
        var before = await CountAsync<RecordedUsage>();
        var csv = """
            recordId,date,buyer,offering,quantity,jobReference,recordedBy
            T-1,2027-02-03,F-OP,LEG-ADV,2.5,JOB-1,emma
            T-2,2027-02-30,F-OP,LEG-ADV,1,JOB-2,emma
            T-3,2027-02-04,F-NOPE,LEG-ADV,1,JOB-3,emma
            T-4,2027-02-04,F-OP,LEG-NOPE,1,JOB-4,emma
            T-5,2027-02-04,F-OP,LEG-ADV,-2,JOB-5,emma
            T-6,2027-02-04,F-OP,LEG-ADV,lots,JOB-6,emma
            T-1,2027-02-05,F-OP,LEG-ADV,1,JOB-7,emma
            """;
        var rejected = await RejectedAsync(ImportKind.Usage, csv);
        Assert.Equal(
            [
                "line 3, date '2027-02-30': is not a date; write it as YYYY-MM-DD.",
                "line 4, buyer 'F-NOPE': is not one of this authority's cost centres.",
                "line 5, offering 'LEG-NOPE': is not one of this authority's offerings.",
                "line 6, quantity '-2': cannot be negative.",
                "line 7, quantity 'lots': is not a number.",
                "line 8, recordId 'T-1': is already on line 2 of this file.",
            ],
            rejected.Rows().Select(p => p.ToString()));
        Assert.Equal(before, await CountAsync<RecordedUsage>());
    }

    [Fact]
    public async Task Import_RefusesAWrongColumnSet_AControlTotalMismatch_AndTheSameFileTwice()
    {
        var header = await RejectedAsync(ImportKind.Drivers, "period,costCentre,value\n2026-06,F-OP,3\n");
        Assert.Equal("line 1, header 'period,costCentre,value': the columns must be exactly period,costCentre,driver,value.", header.Rows().Single().ToString());

        var csv = "period,costCentre,driver,value\n2026-07,F-OP,beds,120\n2026-07,F-LD,beds,80\n";
        var total = await RejectedAsync(ImportKind.Drivers, csv, expect: 199m);
        Assert.Equal("The control total is 200, not the 199 expected.", total.Rows().Single().ToString());

        var imported = await ImportAsync(ImportKind.Drivers, csv, expect: 200m);
        Assert.Equal(2, imported.Rows);
        await using (var scope = await database.ScopeForAsync(County, new RoleGrant(Role.Auditor), "Test auditor"))
        {
            var entry = (await scope.ServiceProvider.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("import.drivers")).Ok())[0];
            Assert.Equal(imported.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        }
        var again = await RejectedAsync(ImportKind.Drivers, csv, name: "renamed.csv");
        Assert.StartsWith("This file was already imported on", again.Rows().Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageImport_RefusesRecordsImportedBefore_AndWritesNothingOfThatFile()
    {
        const string header = "recordId,date,buyer,offering,quantity,jobReference,recordedBy\n";
        await ImportAsync(ImportKind.Usage, header + "TWICE-1,2027-02-03,F-OP,LEG-ADV,2,J1,me\nTWICE-2,2027-02-04,F-OP,LEG-ADV,1,J2,me\n");
        var again = await RejectedAsync(
            ImportKind.Usage, header + "TWICE-3,2027-02-05,F-OP,LEG-ADV,4,J3,me\nTWICE-2,2027-02-04,F-OP,LEG-ADV,1,J2,me\n");
        Assert.Equal("line 3, recordId 'TWICE-2': was imported before; a record is counted once.", Assert.Single(again.Rows()).ToString());
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        Assert.Equal(["TWICE-1", "TWICE-2"], await db.Usage.Where(u => u.RecordId.StartsWith("TWICE-")).OrderBy(u => u.RecordId).Select(u => u.RecordId).ToListAsync());
    }

    [Fact]
    public async Task ALargeUsageFile_WithOneBadRowOrOneRecordImportedBefore_AfterItsFirstChunkIsWritten_ImportsNothing()
    {
        // More rows than one written chunk (50,000), so the first chunk is in the database when the bad row comes.
        static string File(string prefix, int rows, string last)
        {
            var csv = new StringBuilder("recordId,date,buyer,offering,quantity,jobReference,recordedBy\n");
            for (var i = 1; i <= rows; i++)
            {
                csv.Append(prefix).Append(i).Append(",2027-02-10,F-OP,LEG-ADV,1,J,me\n");
            }
            return csv.Append(last).ToString();
        }
        var before = await CountAsync<RecordedUsage>();
        var bad = await RejectedAsync(ImportKind.Usage, File("BIG-A-", 60_000, "BIG-A-LAST,2027-02-31,F-OP,LEG-ADV,1,J,me\n"));
        Assert.Equal("line 60002, date '2027-02-31': is not a date; write it as YYYY-MM-DD.", Assert.Single(bad.Rows()).ToString());
        Assert.Equal(before, await CountAsync<RecordedUsage>());

        await ImportAsync(ImportKind.Usage, "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nBIG-B-OLD,2027-02-11,F-OP,LEG-ADV,1,J,me\n");
        var twice = await RejectedAsync(ImportKind.Usage, File("BIG-B-", 60_000, "BIG-B-OLD,2027-02-11,F-OP,LEG-ADV,1,J,me\n"));
        Assert.Equal("line 60002, recordId 'BIG-B-OLD': was imported before; a record is counted once.", Assert.Single(twice.Rows()).ToString());
        Assert.Equal(before + 1, await CountAsync<RecordedUsage>());

        // A record id twice in an otherwise good file, once within one written chunk and once across chunks: the
        // database's key finds both as they are written, and each later line is named.
        var repeated = await RejectedAsync(ImportKind.Usage,
            File("BIG-C-", 60_000, "BIG-C-59999,2027-02-12,F-OP,LEG-ADV,1,J,me\nBIG-C-7,2027-02-12,F-OP,LEG-ADV,1,J,me\n")
                .Replace("BIG-C-3,", "BIG-C-2,", StringComparison.Ordinal), expect: 60_002m);
        Assert.Equal(
            [
                "line 4, recordId 'BIG-C-2': is already on line 3 of this file.",
                "line 60002, recordId 'BIG-C-59999': is already on line 60000 of this file.",
                "line 60003, recordId 'BIG-C-7': is already on line 8 of this file.",
            ],
            repeated.Rows().Select(p => p.ToString()));
        Assert.Equal(before + 1, await CountAsync<RecordedUsage>());
    }

    [Fact]
    public async Task CostsImport_RefusesUnknownAccountsAndFractionsOfAPenny()
    {
        var csv = "period,costCentre,account,amount\n2027-03,S-LEG,1000,1000.005\n2027-03,S-LEG,6000,5\n2027-03,S-LEG,2000,250.10\n";
        var rejected = await RejectedAsync(ImportKind.Costs, csv);
        Assert.Equal(["amount", "account"], rejected.Rows().Select(p => p.Column));
        Assert.Equal([2, 3], rejected.Rows().Select(p => p.Line));

        // The demo's ledger has Legal's employees for March already: an amount is imported once.
        var twice = await RejectedAsync(ImportKind.Costs,
            "period,costCentre,account,amount\n2027-03,S-LEG,3000,10.00\n2027-03,S-LEG,1000,10.00\n");
        var problem = Assert.Single(twice.Rows());
        Assert.Equal((3, "account", "1000"), (problem.Line, problem.Column, problem.Value));
        Assert.StartsWith("has an amount for this cost centre and period already, from import ", problem.Reason, StringComparison.Ordinal);
        var drivers = await RejectedAsync(ImportKind.Drivers,
            "period,costCentre,driver,value\n2027-03,S-LEG,fte,12\n");
        Assert.Equal((2, "driver"), (Assert.Single(drivers.Rows()).Line, drivers.Rows()[0].Column));
    }

    [Fact]
    public async Task Run_PostsBalancedJournals_ClearsSupportCosts_AndLeavesTotalCostUnchanged()
    {
        var summary = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-04", false)).Ok());
        Assert.True(summary.Posted);
        var journals = await JournalsAsync(summary.RunId!.Value);
        Assert.Equal(3, journals.Count);
        Assert.All(journals, j => Assert.Equal(0, j.Postings.Sum(p => p.AmountPence)));
        Assert.Equal(summary.TotalCostBefore, summary.TotalCostAfter);
        Assert.True(summary.Charges > Money.Zero);
        Assert.All(summary.Providers, p => Assert.True(p.RemainingAfter == Money.Zero || p.RemainingAfter == p.RemainingBefore && p.RemainingBefore < Money.Zero));

        var postings = journals.SelectMany(j => j.Postings).Select(p => new Posting(p.CostCentreId, p.AccountCode, new Money(p.AmountPence))).ToList();
        var net = Balances.NetCostByCostCentre(postings);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var support = await db.CostCentres.Where(c => c.Authority.Code == County && c.Kind == CostCentreKind.Support).Select(c => c.Id).ToListAsync();
        Assert.All(support, id => Assert.True(net.GetValueOrDefault(id) <= Money.Zero));

        var second = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-04", false)).Fails(OutcomeKind.Refused));
        Assert.Equal($"2026-04 is already posted as run {summary.RunId}; reverse it first to run again.", second.Message);
    }

    [Fact]
    public async Task ReverseAndRunAgain_GivesIdenticalPostings_AndReversalsNetToZero()
    {
        var first = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-06", false)).Ok());
        var exportFirst = await AsFinanceAsync(async s => (await s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest("2026-06")).Ok()).Csv);
        await AsFinanceAsync(s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-06")).Ok());
        await using (var scope = await database.ScopeForAsync(County, new RoleGrant(Role.Auditor), "Test auditor"))
        {
            Assert.Contains("recharge.reverse", (await scope.ServiceProvider.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("2026-06")).Ok()).Select(a => a.Action));
        }
        var journals = await JournalsAsync(first.RunId!.Value);
        Assert.Equal(0, journals.SelectMany(j => j.Postings).GroupBy(p => (p.CostCentreId, p.AccountCode)).Count(g => g.Sum(p => p.AmountPence) != 0));

        var second = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-06", false)).Ok());
        var exportSecond = await AsFinanceAsync(async s => (await s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest("2026-06")).Ok()).Csv);
        Assert.NotEqual(first.RunId, second.RunId);
        static string WithoutRunId(string csv) => string.Join("\n", csv.Split("\r\n").Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')]));
        Assert.Equal(WithoutRunId(exportFirst), WithoutRunId(exportSecond));
    }

    [Fact]
    public async Task TheAuthoritysMethod_IsWhatRunsUse_UntilChanged()
    {
        Assert.Equal("Reciprocal", (await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2027-01", true)).Ok())).Method);
        await AsFinanceAsync(s => s.GetRequiredService<SetRechargeMethod>().HandleAsync(new SetRechargeMethodRequest("StepDown")).Ok());
        try
        {
            var stepDown = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2027-01", true)).Ok());
            Assert.Equal(("StepDown", false), (stepDown.Method, stepDown.Posted));
            Assert.Equal(stepDown.TotalCostBefore, stepDown.TotalCostAfter);
            var refused = await AsFinanceAsync(s => s.GetRequiredService<SetRechargeMethod>().HandleAsync(new SetRechargeMethodRequest("RepeatedDistribution")).Fails(OutcomeKind.Invalid));
            Assert.Equal("method", Assert.Single(refused.Errors).Field);
        }
        finally
        {
            await AsFinanceAsync(s => s.GetRequiredService<SetRechargeMethod>().HandleAsync(new SetRechargeMethodRequest("Reciprocal")).Ok());
        }
    }

    [Fact]
    public async Task GeneralLedgerExport_Balances()
    {
        await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-07", false)).Ok());
        var csv = await AsFinanceAsync(async s => (await s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest("2026-07")).Ok()).Csv);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        static decimal D(string s) => s.Length == 0 ? 0 : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(rows.Sum(r => D(r[3])), rows.Sum(r => D(r[4])));
        Assert.True(rows.Count > 100);
    }

    [Fact]
    public async Task TwoRunsAtOnce_ExactlyOnePosts()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var outcome = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-08", false)));
            Assert.True(outcome.IsOk || outcome.Message.Contains("already posted", StringComparison.Ordinal), outcome.ToString());
            return outcome.IsOk ? outcome.Value.RunId : null;
        })));
        Assert.Single(runs, r => r is not null);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        Assert.Equal(1, await db.RechargeRuns.CountAsync(r => r.PeriodNumber == 5 && r.FinancialYearStart == 2026 && r.Status == RechargeRunStatus.Posted));
    }

    private sealed class FailAt(string step) : IProgress<string>
    {
        public void Report(string value)
        {
            if (value == step)
            {
                throw new IOException("The server went away.");
            }
        }
    }

    [Fact]
    public async Task AFailureMidRun_LeavesNothingPosted()
    {
        var journalsBefore = await CountAsync<JournalEntryRow>();
        var runsBefore = await CountAsync<RechargeRunRow>();
        await Assert.ThrowsAsync<IOException>(() => AsFinanceAsync(s =>
            s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-09"), new FailAt("Writing journals and statement lines"))));
        Assert.Equal(journalsBefore, await CountAsync<JournalEntryRow>());
        Assert.Equal(runsBefore, await CountAsync<RechargeRunRow>());
        var summary = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-09", false)).Ok());
        Assert.True(summary.Posted);
    }

    [Fact]
    public async Task ClosedPeriod_RefusesRunsReversalsAndImports()
    {
        var notYet = await AsFinanceAsync(s => s.GetRequiredService<ClosePeriod>().HandleAsync(new ClosePeriodRequest("2026-10")).Fails(OutcomeKind.Refused));
        Assert.Contains("has not been posted", notYet.Message, StringComparison.Ordinal);
        await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-10", false)).Ok());
        await AsFinanceAsync(s => s.GetRequiredService<ClosePeriod>().HandleAsync(new ClosePeriodRequest("2026-10")).Ok());

        var reverse = await AsFinanceAsync(s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-10")).Fails(OutcomeKind.Refused));
        Assert.Equal("2026-10 is closed; its run stays as posted. Correct it in an open period.", reverse.Message);
        var import = await RejectedAsync(ImportKind.Usage,
            "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nLATE-1,2026-10-15,F-OP,LEG-ADV,1,JOB,emma\n");
        Assert.Equal("line 2, date '2026-10-15': falls in 2026-10: 2026-10 is closed; it takes no more records. Import corrections into an open period.", import.Rows().Single().ToString());

        await using var scope = await database.ScopeForAsync(County, new RoleGrant(Role.Auditor), "Test auditor");
        var actions = (await scope.ServiceProvider.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("2026-10")).Ok()).Select(a => a.Action).ToList();
        Assert.Contains("recharge.run", actions);
        Assert.Contains("period.close", actions);
    }

    [Fact]
    public async Task Statement_TracesEveryPoundToItsSource()
    {
        await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-11", false)).Ok());
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");
        var statement = await AsFinanceAsync(s => s.GetRequiredService<GetStatement>().HandleAsync(new GetStatementRequest(olderPeople, "2026-11")).Ok());
        Assert.NotNull(statement);
        Assert.NotEmpty(statement.Charges);
        Assert.NotEmpty(statement.Allocated);
        Assert.Equal(statement.Total.Pence, statement.Charges.Sum(c => c.Amount.Pence) + statement.Allocated.Sum(a => a.Amount.Pence));
        Assert.Contains(statement.Charges, c => c.Kind == RechargeLineKind.PayAsYouGo && c.Quantity is not null && c.UnitPrice is not null && c.RecordIds.Count > 0);
        Assert.Contains(statement.Allocated, a => a.Explanation.Contains("own cost", StringComparison.Ordinal));

        var holder = new RoleGrant(Role.BudgetHolder, CostCentreId: await database.IdOfAsync<CostCentre>(County, "F-LD"));
        await using var scope = await database.ScopeForAsync(County, holder, "Someone else's budget holder");
        await scope.ServiceProvider.GetRequiredService<GetStatement>().HandleAsync(new GetStatementRequest(olderPeople, "2026-11")).Fails(OutcomeKind.Forbidden);
    }

    [Fact]
    public async Task EveryRunAndReversal_IsANumberedBatchWithControlTotals_SentToTheLedgerOnceAndNeverChanged()
    {
        await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2027-03", false)).Ok());
        var export = await AsFinanceAsync(s => s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest("2027-03")).Ok());
        Assert.NotNull(export.Batch);
        Assert.Equal(export.Debits, export.Credits);
        Assert.Equal(export.Lines, export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var batch = (await AsFinanceAsync(s => s.GetRequiredService<ListJournalBatches>().HandleAsync(new ListJournalBatchesRequest()).Ok())).Single(b => b.Batch == export.Batch);
        Assert.Equal((export.Lines, export.Debits, false), (batch.Lines, batch.Debits, batch.Sent));

        var sent = await AsFinanceAsync(s => s.GetRequiredService<MarkJournalBatchSent>().HandleAsync(new MarkJournalBatchSentRequest(batch.Batch, "GL-123")).Ok());
        Assert.True(sent.Sent);
        var twice = await AsFinanceAsync(s => s.GetRequiredService<MarkJournalBatchSent>().HandleAsync(new MarkJournalBatchSentRequest(batch.Batch)).Fails(OutcomeKind.Refused));
        Assert.Contains("a batch is loaded once", twice.Message, StringComparison.Ordinal);
        await AsFinanceAsync(s => s.GetRequiredService<MarkJournalBatchSent>().HandleAsync(new MarkJournalBatchSentRequest(999_999)).Fails(OutcomeKind.NotFound));

        await AsFinanceAsync(s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2027-03")).Ok());
        var reversal = (await AsFinanceAsync(s => s.GetRequiredService<ListJournalBatches>().HandleAsync(new ListJournalBatchesRequest()).Ok()))
            .Single(b => b.RunId == batch.RunId && b.Kind == "reversal");
        Assert.Equal((batch.Lines, batch.Debits), (reversal.Lines, reversal.Credits));
        var reversalCsv = await AsFinanceAsync(s => s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest(null, reversal.Batch)).Ok());
        Assert.Equal(reversal.Lines, reversalCsv.Lines);

        // The database is the second wall: a sent mark is never changed or removed.
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var mark = await db.JournalBatchEvents.SingleAsync(e => e.JournalBatchId == batch.Batch);
        db.JournalBatchEvents.Remove(mark);
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task FarFutureOrFarPastDates_AndExternalSuppliersUsage_AreRefusedByLine()
    {
        var rejected = await RejectedAsync(ImportKind.Usage, "recordId,date,buyer,offering,quantity,jobReference,recordedBy\n"
            + "FAR-1,9999-12-31,F-OP,LEG-ADV,1,J,me\nFAR-2,1800-05-01,F-OP,LEG-ADV,1,J,me\nEXT-1,2027-02-20,F-OP,BL-ADV,1,J,me\n"
            + "FAR-3,2099-05-01,F-OP,LEG-ADV,1,J,me\nFAR-4,2028-04-01,F-OP,LEG-ADV,1,J,me\nFAR-5,2025-03-31,F-OP,LEG-ADV,1,J,me\n");
        // The clock says 24 November 2026: 2025/26 (its period 13 not closed), 2026/27 and 2027/28 take records.
        const string years = "is not in a financial year that takes records now: records go into 2025/26, 2026/27 and 2027/28.";
        Assert.Equal(
            [
                $"line 2, date '9999-12-31': {years}",
                $"line 3, date '1800-05-01': {years}",
                "line 4, offering 'BL-ADV': is an external supplier's offering: it is bought through procurement and invoiced by the supplier, not recharged, so its usage is not imported here.",
                $"line 5, date '2099-05-01': {years}",
                $"line 6, date '2028-04-01': {years}",
                $"line 7, date '2025-03-31': {years}",
            ],
            rejected.Rows().Select(r => r.ToString()));
        var periods = await RejectedAsync(ImportKind.Drivers, "period,costCentre,driver,value\n9999-12,F-OP,FTE,3\n");
        Assert.Equal($"line 2, period '9999-12': {years}", Assert.Single(periods.Rows()).ToString());
    }

    [Fact]
    public async Task ImportIntoAPostedPeriod_IsRefused_UntilTheRunIsReversed()
    {
        var run = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-05", false)).Ok());
        var csv = "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nMAYLATE-1,2026-05-20,F-OP,LEG-ADV,2,JOB-L,emma\n";
        var refused = await RejectedAsync(ImportKind.Usage, csv);
        Assert.Equal($"line 2, date '2026-05-20': falls in 2026-05: 2026-05 is posted; it takes no more records until its run is reversed. (run {run.RunId})",
            refused.Rows().Single().ToString());

        await AsFinanceAsync(s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-05")).Ok());
        Assert.Equal(1, (await ImportAsync(ImportKind.Usage, csv)).Rows);
        var again = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-05", false)).Ok());
        var statement = await AsFinanceAsync(async s => (await s.GetRequiredService<GetStatement>().HandleAsync(new GetStatementRequest(await database.IdOfAsync<CostCentre>(County, "F-OP"), "2026-05")).Ok()));
        Assert.Equal(again.RunId, statement.RunId);
        Assert.Contains(statement.Charges, c => c.RecordIds.Contains("MAYLATE-1"));
    }

    [Fact]
    public async Task AttributionsApportionmentsAndAllocationDrivers_AreUsedAsGiven_ToThePenny()
    {
        var said = await AsFinanceAsync(s => s.GetRequiredService<SetAllocationDriver>().HandleAsync(new SetAllocationDriverRequest("S-HS", "pupil")).Ok());
        Assert.Contains("now allocated by pupil", said.Message, StringComparison.Ordinal);
        var refused = await AsFinanceAsync(s => s.GetRequiredService<SetAllocationDriver>().HandleAsync(new SetAllocationDriverRequest("F-OP", "pupil")).Fails(OutcomeKind.Invalid));
        Assert.Contains("not a support service", refused.Message, StringComparison.Ordinal);
        await ImportAsync(ImportKind.Attributions,
            "period,provider,buyer,amount,description\n2026-12,S-LEG,F-CSC,12500.00,Counsel's fees for the Smith care proceedings\n");
        await ImportAsync(ImportKind.Apportionments,
            "period,provider,driver,amount,description\n2026-12,S-INS,FTE,100000.01,Employer's liability premium\n");
        var bad = await RejectedAsync(ImportKind.Attributions,
            "period,provider,buyer,amount,description\n2026-12,F-OP,F-CSC,10,Not a support service\n2026-12,S-LEG,S-LEG,10,Itself\n2026-12,S-LEG,F-CSC,0.001,\n");
        Assert.Equal([("provider", 2), ("buyer", 3), ("amount", 4), ("description", 4)], bad.Rows().Select(p => (p.Column, p.Line)));

        RechargeRunSummary summary;
        try
        {
            summary = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-12", false)).Ok());
        }
        finally
        {
            await AsFinanceAsync(s => s.GetRequiredService<SetAllocationDriver>().HandleAsync(new SetAllocationDriverRequest("S-HS", null)).Ok());
        }
        Assert.Contains("Health and Safety's remaining cost is allocated by pupil.", summary.Notes);
        // Only Education Improvement has pupils, so Health and Safety's own cost reaches no one else.
        var education = await AsFinanceAsync(async s => (await s.GetRequiredService<GetStatement>().HandleAsync(new GetStatementRequest(await database.IdOfAsync<CostCentre>(County, "F-EDU"), "2026-12")).Ok()));
        Assert.Contains(education.Allocated, a => a.Counterparty == "Health and Safety" && a.Amount > Money.Zero);
        var children = await AsFinanceAsync(async s => (await s.GetRequiredService<GetStatement>().HandleAsync(new GetStatementRequest(await database.IdOfAsync<CostCentre>(County, "F-CSC"), "2026-12")).Ok()));
        var counsel = Assert.Single(children.Charges, c => c.Kind == RechargeLineKind.DirectAttribution);
        Assert.Equal(Money.FromPounds(12_500m), counsel.Amount);
        Assert.Contains("Smith care proceedings", counsel.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(children.Allocated, a => a.Counterparty == "Health and Safety");

        var insurance = await AsFinanceAsync(async s => (await s.GetRequiredService<GetStatement>().HandleAsync(new GetStatementRequest(await database.IdOfAsync<CostCentre>(County, "S-INS"), "2026-12")).Ok()));
        var premium = insurance.Income.Where(i => i.Kind == RechargeLineKind.Apportionment).ToList();
        Assert.True(premium.Count > 10);
        Assert.Equal(10_000_001, premium.Sum(p => p.Amount.Pence));
    }
}

public sealed class RechargeOnSqlite(SqliteDatabase database) : RechargeSuite<SqliteDatabase>(database);

public sealed class RechargeOnPostgres(PostgresDatabase database) : RechargeSuite<PostgresDatabase>(database);
