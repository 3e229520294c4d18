using System.Diagnostics;
using System.Globalization;
using System.Text;
using FairShare.Domain.Access;
using FairShare.Features.Demo;
using FairShare.Features.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FairShare.Features.Tests;

/// <summary>
/// The issue's speed target, measured when FAIRSHARE_BENCHMARK_ORGANISATION=1: an organisation of 300 directorates,
/// 5,000 cost centres and 10,000 subjective codes, each file previewed and applied in at most 10 seconds
/// (docs/organisation.md has the figures). Without the variable it does nothing, so the suite stays quick.
/// </summary>
public abstract class OrganisationImportBenchmark<TDatabase>(TDatabase database, ITestOutputHelper output) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ALargeCouncil_PreviewsAndAppliesEachFileWithinTenSeconds()
    {
        if (Environment.GetEnvironmentVariable("FAIRSHARE_BENCHMARK_ORGANISATION") != "1")
        {
            return;
        }
        var directorates = new StringBuilder("code,name\n");
        for (var d = 1; d <= 300; d++)
        {
            directorates.Append(CultureInfo.InvariantCulture, $"BD{d:000},Directorate {d}\n");
        }
        var centres = new StringBuilder("code,name,kind,directorate,fund,serviceLine,serviceLineName\n");
        for (var c = 1; c <= 5_000; c++)
        {
            var kind = (c % 10) switch { 0 => "support", 1 => "cdc", 2 => "ndc", _ => "frontline" };
            centres.Append(CultureInfo.InvariantCulture, $"BC{c:00000},Cost centre {c},{kind},BD{(c % 300) + 1:000},{(c % 7 == 0 ? "HRA" : "GF")},RO{c % 40},Service line {c % 40}\n");
        }
        var codes = new StringBuilder("code,name,category\n");
        string[] categories = ["1000", "2000", "3000", "4000", "5000", "9100"];
        for (var s = 1; s <= 10_000; s++)
        {
            codes.Append(CultureInfo.InvariantCulture, $"BS{s:00000},Account {s},{categories[s % categories.Length]}\n");
        }
        foreach (var (kind, file) in new[] { ("directorates", directorates), ("cost-centres", centres), ("subjective-codes", codes) })
        {
            var bytes = Encoding.UTF8.GetBytes(file.ToString());
            foreach (var apply in new[] { false, true })
            {
                await using var scope = await database.ScopeForAsync(DemoCatalogue.CountyCode, new RoleGrant(Role.FinanceOfficer));
                var watch = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<ImportOrganisation>().HandleAsync(new ImportOrganisationRequest(kind, $"{kind}.csv", bytes, Apply: apply));
                watch.Stop();
                Assert.True(outcome.IsOk, outcome.ToString());
                output.WriteLine($"{typeof(TDatabase).Name} {kind} {(apply ? "apply" : "preview")}: {outcome.Value.Rows} rows in {watch.Elapsed.TotalSeconds:0.00} s");
                Assert.True(watch.Elapsed <= Target, $"{kind} {(apply ? "apply" : "preview")} took {watch.Elapsed.TotalSeconds:0.00} s");
            }
        }
    }
}

public sealed class OrganisationImportBenchmarkOnSqlite(SqliteDatabase database, ITestOutputHelper output) : OrganisationImportBenchmark<SqliteDatabase>(database, output);

public sealed class OrganisationImportBenchmarkOnPostgres(PostgresDatabase database, ITestOutputHelper output) : OrganisationImportBenchmark<PostgresDatabase>(database, output);
