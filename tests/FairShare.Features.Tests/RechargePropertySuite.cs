using System.Globalization;
using System.Text;
using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Recharge;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>
/// The run's invariants over random databases: each case takes one month of the demo council, adds random
/// usage, costs, driver values, attributions and apportionments through the real imports, picks a random
/// method and allocation driver, and runs. Whatever the data: every transaction balances, every clearing
/// account ends at 0.00, each support service ends at 0.00 or exactly at the over-recovery the run reports,
/// and the authority's total cost is what its ledger says it spent. Half the cases also reverse and run
/// again, which must give the same journal. The seed is the case's name, so a failure replays exactly.
/// </summary>
public abstract class RechargePropertySuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private static readonly RoleGrant Finance = new(Role.FinanceOfficer);
    private static readonly AllocationMethod[] Methods = [AllocationMethod.Reciprocal, AllocationMethod.Direct, AllocationMethod.StepDown];

    /// <summary>One case per month of the demo year (2026/27), so each case has a period of its own.</summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RandomMonth_Balances_ClearsSupportCosts_AndKeepsTheTotalCost(int seed)
    {
        var random = new Random(seed * 7919);
        var period = new DateOnly(2026, 4, 1).AddMonths(seed - 1);
        var month = period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var world = await WorldAsync();

        // Random usage of what the demo's buyers use, random costs, a new driver and costs charged by it.
        var usage = new StringBuilder("recordId,date,buyer,offering,quantity,jobReference,recordedBy\n");
        for (var k = random.Next(0, 120); k > 0; k--)
        {
            var (buyer, offering) = world.Uses[random.Next(world.Uses.Count)];
            var day = period.AddDays(random.Next(DateTime.DaysInMonth(period.Year, period.Month)));
            usage.Append(CultureInfo.InvariantCulture, $"R{seed}-{k},{day:yyyy-MM-dd},{buyer},{offering},{random.Next(1, 5_000) / 100m},JOB-{k},random\n");
        }
        var costs = new StringBuilder("period,costCentre,account,amount\n");
        foreach (var centre in world.Centres.Where(_ => random.Next(3) == 0))
        {
            // Transport (3000): the demo's ledger has the other accounts already, and an amount is imported once.
            costs.Append(CultureInfo.InvariantCulture, $"{month},{centre},3000,{random.Next(-100_000, 5_000_000) / 100m}\n");
        }
        var floorArea = world.Centres.Where(_ => random.Next(2) == 0).ToList();
        var drivers = new StringBuilder("period,costCentre,driver,value\n");
        foreach (var centre in floorArea)
        {
            drivers.Append(CultureInfo.InvariantCulture, $"{month},{centre},m2,{random.Next(1, 2_000)}\n");
        }
        var attributions = new StringBuilder("period,provider,buyer,amount,description\n");
        for (var k = random.Next(0, 4); k > 0; k--)
        {
            var provider = world.Supports[random.Next(world.Supports.Count)];
            var buyer = world.Centres.Where(c => c != provider).ElementAt(random.Next(world.Centres.Count - 1));
            // Now and then more than the provider costs in a month, so that it over-recovers.
            var pence = random.Next(4) == 0 ? random.Next(100_000_000, 300_000_000) : random.Next(1, 2_000_000);
            attributions.Append(CultureInfo.InvariantCulture, $"{month},{provider},{buyer},{pence / 100m},Random attribution {k}\n");
        }
        var apportionments = new StringBuilder("period,provider,driver,amount,description\n");
        for (var k = random.Next(0, 3); k > 0; k--)
        {
            var driver = floorArea.Count > 1 && random.Next(2) == 0 ? "m2" : "FTE";
            apportionments.Append(CultureInfo.InvariantCulture,
                $"{month},{world.Supports[random.Next(world.Supports.Count)]},{driver},{random.Next(1, 2_000_000) / 100m},Random apportionment {k}\n");
        }
        foreach (var (kind, csv) in new[]
        {
            (ImportKind.Usage, usage), (ImportKind.Costs, costs), (ImportKind.Drivers, drivers),
            (ImportKind.Attributions, attributions), (ImportKind.Apportionments, apportionments),
        })
        {
            if (csv.ToString().Count(c => c == '\n') > 1)
            {
                await AsFinanceAsync(s => s.GetRequiredService<ImportFile>().HandleAsync(
                    new ImportRequest(kind, $"random-{seed}-{kind}.csv", Encoding.UTF8.GetBytes(csv.ToString()))).Ok());
            }
        }

        var method = Methods[random.Next(Methods.Length)];
        var byFloorArea = random.Next(3) == 0 && floorArea.Count > 2 ? world.Supports[random.Next(world.Supports.Count)] : null;
        RechargeRunSummary summary;
        try
        {
            if (byFloorArea is not null)
            {
                await AsFinanceAsync(s => s.GetRequiredService<SetAllocationDriver>().HandleAsync(new SetAllocationDriverRequest(byFloorArea, "m2")).Ok());
            }
            summary = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest(month, false, method.ToString())).Ok());
            await CheckInvariantsAsync(summary, world);
            if (seed % 2 == 0)
            {
                var first = await AsFinanceAsync(async s => (await s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest(month)).Ok()).Csv);
                await AsFinanceAsync(s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest(month)).Ok());
                var reversed = await PostingsAsync(summary.RunId!.Value);
                Assert.DoesNotContain(reversed.GroupBy(p => (p.CostCentreId, p.AccountCode)), g => g.Sum(p => p.AmountPence) != 0);
                var again = await AsFinanceAsync(s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest(month, false, method.ToString())).Ok());
                await CheckInvariantsAsync(again, world);
                var second = await AsFinanceAsync(async s => (await s.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest(month)).Ok()).Csv);
                Assert.Equal(WithoutRunId(first), WithoutRunId(second));
            }
        }
        finally
        {
            if (byFloorArea is not null)
            {
                await AsFinanceAsync(s => s.GetRequiredService<SetAllocationDriver>().HandleAsync(new SetAllocationDriverRequest(byFloorArea, null)).Ok());
            }
        }
    }

    private async Task CheckInvariantsAsync(RechargeRunSummary summary, World world)
    {
        Assert.True(summary.Posted);
        var journals = await JournalsAsync(summary.RunId!.Value);
        Assert.NotEmpty(journals);
        Assert.All(journals, j => Assert.Equal(0, j.Postings.Sum(p => p.AmountPence)));
        var postings = journals.SelectMany(j => j.Postings).ToList();
        Assert.Equal(summary.Postings, postings.Count);

        // Every clearing account is 0.00, for each cost centre.
        var clearing = postings.Where(p => ChartOfAccounts.Find(p.AccountCode)?.Kind == AccountKind.Clearing);
        Assert.DoesNotContain(clearing.GroupBy(p => p.CostCentreId), g => g.Sum(p => p.AmountPence) != 0);

        // Each support service ends at 0.00, or at exactly the over-recovery the run reports (never allocated on).
        var net = Balances.NetCostByCostCentre(postings.Select(p => new Posting(p.CostCentreId, p.AccountCode, new Money(p.AmountPence))));
        foreach (var (code, id) in world.SupportIds)
        {
            var reported = summary.Providers.SingleOrDefault(p => p.Code == code);
            var after = net.GetValueOrDefault(id);
            Assert.Equal(reported?.RemainingAfter ?? Money.Zero, after);
            Assert.True(after == Money.Zero || (reported!.RemainingBefore < Money.Zero && after == reported.RemainingBefore),
                $"{code} ends at {after} (before allocation {reported?.RemainingBefore})");
        }

        // Recharging moves cost between cost centres, never makes or loses it.
        Assert.Equal(summary.ActualCosts, Balances.TotalCost(postings.Select(p => new Posting(p.CostCentreId, p.AccountCode, new Money(p.AmountPence)))));
        Assert.Equal(summary.TotalCostBefore, summary.TotalCostAfter);
    }

    private static string WithoutRunId(string csv) =>
        string.Join("\n", csv.Split("\r\n").Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')]));

    private async Task<T> AsFinanceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await database.ScopeForAsync(County, Finance, "Test finance officer");
        return await action(scope.ServiceProvider);
    }

    private async Task<List<JournalEntryRow>> JournalsAsync(int runId)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.JournalEntries.AsNoTracking().Include(j => j.Postings).Where(j => j.RechargeRunId == runId).ToListAsync();
    }

    private async Task<List<PostingRow>> PostingsAsync(int runId) => [.. (await JournalsAsync(runId)).SelectMany(j => j.Postings)];

    /// <summary>The county's cost centres and the (buyer, offering) pairs its demo usage has, by code.</summary>
    private sealed record World(List<string> Centres, List<string> Supports, Dictionary<string, int> SupportIds, List<(string Buyer, string Offering)> Uses);

    private async Task<World> WorldAsync()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var authority = await db.Authorities.Where(a => a.Code == County).Select(a => a.Id).SingleAsync();
        var centres = await db.CostCentres.Where(c => c.AuthorityId == authority).Select(c => new { c.Id, c.Code, c.Kind }).ToListAsync();
        var offerings = await db.Offerings.Where(o => o.AuthorityId == authority).ToDictionaryAsync(o => o.Id, o => o.Code);
        var pairs = await db.UsageSummaries.Where(u => u.AuthorityId == authority)
            .Select(u => new { u.BuyerCostCentreId, u.OfferingId }).Distinct().ToListAsync();
        var code = centres.ToDictionary(c => c.Id, c => c.Code);
        var supports = centres.Where(c => c.Kind == CostCentreKind.Support).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        return new World(
            [.. centres.Select(c => c.Code).Order(StringComparer.Ordinal)],
            [.. supports.Select(c => c.Code)],
            supports.ToDictionary(c => c.Code, c => c.Id),
            [.. pairs.Select(p => (code[p.BuyerCostCentreId], offerings[p.OfferingId])).Order()]);
    }
}

public sealed class RechargePropertiesOnSqlite(SqliteDatabase database) : RechargePropertySuite<SqliteDatabase>(database);

public sealed class RechargePropertiesOnPostgres(PostgresDatabase database) : RechargePropertySuite<PostgresDatabase>(database);
