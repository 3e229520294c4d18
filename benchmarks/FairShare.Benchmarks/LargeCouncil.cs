using System.Globalization;
using System.Text;
using FairShare.Domain;
using FairShare.Features;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Benchmarks;

/// <summary>
/// The "generated large council": 5,000 cost centres (30 support services offering 10 services each,
/// 20 corporate, 4,950 frontline), 300 pay-as-you-go offerings, and usage files for one period (May 2026), written as the CSV a
/// time-recording system would export. `scripts/bench-recharge.sh` times the CLI importing them and running
/// the recharge over them, whole process, with peak memory.
/// </summary>
public static class LargeCouncil
{
    public const string Code = "BIG";
    public const int Supports = 30;
    public const int Corporate = 20;
    public const int CostCentres = 5_000;
    public const int Offerings = 300;
    public const int ServicesPerBuyer = 12;

    /// <summary>Creates the council in the database (migrating it first); refuses a database that has it already.</summary>
    public static async Task CreateAsync(DatabaseOptions options)
    {
        await using var services = new ServiceCollection().AddFairShare(options).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        await db.AsSystemAsync(async () =>
        {
            var authority = new Authority(Code, "Bigshire Metropolitan Council (benchmark)");
            var year = authority.FinancialYearStarting(2026);
            var directorates = Enumerable.Range(1, 20).Select(i => new Directorate(authority, $"D{i:D2}", $"Directorate {i}")).ToArray();
            var centres = Enumerable.Range(1, CostCentres).Select(i => new CostCentre(directorates[i % directorates.Length], CentreCode(i), $"Cost centre {i}",
                i <= Supports ? CostCentreKind.Support : i <= Supports + Corporate ? CostCentreKind.CorporateAndDemocraticCore : CostCentreKind.Frontline)).ToArray();
            var offerings = Enumerable.Range(1, Offerings).Select(i =>
            {
                var offering = Offering.Create(new OfferingDraft(OfferingCode(i), $"Service {i}", null, "Benchmark", "hour",
                    ChargingClass.Tradeable, centres[(i - 1) % Supports])).Value;
                _ = offering.AddPrice(year, new PayAsYouGo(35m + (i % 40))).Value;
                return offering;
            }).ToArray();
            db.Add(authority);
            db.AddRange(directorates);
            db.AddRange(centres);
            db.AddRange(offerings);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    /// <summary>Usage records numbered from <paramref name="first"/>, dated in May 2026, spread evenly over the buyers.</summary>
    public static void WriteUsage(string path, int first, int count)
    {
        var random = new Random(first);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("recordId,date,buyer,offering,quantity,jobReference,recordedBy");
        var line = new StringBuilder();
        for (var n = first; n < first + count; n++)
        {
            // Each cost centre buys a dozen of the 300 services, as a real one does, not a little of everything.
            var buyer = random.Next(1, CostCentres + 1);
            var offering = (int)((buyer * 7919L + random.Next(ServicesPerBuyer) * 104_729L) % Offerings) + 1;
            if ((offering - 1) % Supports + 1 == buyer)
            {
                offering = offering % Offerings + 1;
            }
            line.Clear()
                .Append('R').Append(n.ToString("D9", CultureInfo.InvariantCulture)).Append(",2026-05-")
                .Append((1 + n % 31).ToString("D2", CultureInfo.InvariantCulture)).Append(',')
                .Append(CentreCode(buyer)).Append(',').Append(OfferingCode(offering)).Append(',')
                .Append((random.Next(25, 800) / 100m).ToString(CultureInfo.InvariantCulture)).Append(",JOB-")
                .Append(n % 50_000).Append(",bench");
            writer.WriteLine(line);
        }
    }

    /// <summary>May's general-ledger actuals: each support service's employees and supplies.</summary>
    public static void WriteCosts(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("period,costCentre,account,amount");
        for (var i = 1; i <= Supports + Corporate; i++)
        {
            writer.WriteLine($"2026-05,{CentreCode(i)},1000,{10_000_000 + i * 300_000}.00");
            writer.WriteLine($"2026-05,{CentreCode(i)},3000,{20_000 + i * 97}.50");
        }
    }

    /// <summary>May's headcount (FTE) for every cost centre.</summary>
    public static void WriteDrivers(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("period,costCentre,driver,value");
        for (var i = 1; i <= CostCentres; i++)
        {
            writer.WriteLine($"2026-05,{CentreCode(i)},FTE,{5 + i % 60}");
        }
    }

    /// <summary>
    /// The use cases themselves, in this process and timed by stopwatch, without the CLI's start-up: on an empty
    /// database, the council, its costs and drivers, two usage imports of <paramref name="rows"/> records, then
    /// the run, its reversal and the run again — each the same call the CLI and the web page make.
    /// </summary>
    public static async Task TimeUseCasesAsync(DatabaseOptions options, string folder, int rows)
    {
        await CreateAsync(options);
        WriteCosts(Path.Combine(folder, "costs.csv"));
        WriteDrivers(Path.Combine(folder, "drivers.csv"));
        WriteUsage(Path.Combine(folder, "usage-1.csv"), 1, rows);
        WriteUsage(Path.Combine(folder, "usage-2.csv"), rows + 1, rows);
        await using var services = new ServiceCollection().AddFairShare(options).BuildServiceProvider();

        async Task<T> AsFinanceOfficerAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            var tenant = (await scope.ServiceProvider.GetRequiredService<Features.Tenancy.ResolveTenant>().HandleAsync(new Features.Tenancy.ResolveTenantRequest(Code))).Value;
            var actor = new Domain.Access.Actor("bench", "Benchmark", tenant.AuthorityId, [new Domain.Access.RoleGrant(Domain.Access.Role.FinanceOfficer)], "bench");
            scope.ServiceProvider.GetRequiredService<Features.Tenancy.TenantContext>().Set(tenant, actor);
            return await action(scope.ServiceProvider);
        }

        async Task TimeAsync(string what, Func<IServiceProvider, Task<string>> action)
        {
            // CPU time beside the clock's: this process's (every thread, the garbage collector's and the JIT's
            // included) varies less than the elapsed time on a shared host, and shows what the database is left.
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var said = await AsFinanceOfficerAsync(action);
            process.Refresh();
            Console.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F2} s in process, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU in this process ({said})");
        }

        Task<string> Import(IServiceProvider s, Domain.Recording.ImportKind kind, string file) =>
            s.GetRequiredService<Features.Imports.ImportFile>()
                .HandleAsync(new Features.Imports.ImportRequest(kind, file, File.ReadAllBytes(Path.Combine(folder, file))))
                .ContinueWith(t => $"{t.Result.Value.Rows:N0} rows", TaskScheduler.Default);

        await TimeAsync("import costs", s => Import(s, Domain.Recording.ImportKind.Costs, "costs.csv"));
        await TimeAsync("import drivers", s => Import(s, Domain.Recording.ImportKind.Drivers, "drivers.csv"));
        await TimeAsync($"import usage, {rows:N0} rows into an empty table", s => Import(s, Domain.Recording.ImportKind.Usage, "usage-1.csv"));
        await TimeAsync($"import usage, {rows:N0} more", s => Import(s, Domain.Recording.ImportKind.Usage, "usage-2.csv"));
        Task<string> Run(IServiceProvider s) => s.GetRequiredService<Features.Recharge.PostRechargeRun>().HandleAsync(new Features.Recharge.PostRechargeRunRequest("2026-05"))
            .ContinueWith(t => $"run {t.Result.Value.RunId}, {t.Result.Value.Postings:N0} postings", TaskScheduler.Default);
        await TimeAsync("recharge run, database to posted journal", Run);
        await TimeAsync("recharge reverse", async s => (await s.GetRequiredService<Features.Recharge.ReverseRechargeRun>().HandleAsync(new Features.Recharge.ReverseRechargeRunRequest("2026-05"))).Value.Message);
        await TimeAsync("recharge run again", Run);
    }

    private static string CentreCode(int i) => $"CC{i:D4}";

    private static string OfferingCode(int i) => $"SVC{i:D3}";
}
