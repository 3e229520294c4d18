using System.Text;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Imports;
using FairShare.Features.Recharge;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace FairShare.Web.Tests;

public sealed class ExportTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task AFormulaInARecord_RoundTripsHarmlesslyThroughCsvAndExcelStatements()
    {
        int coroner;
        await using (var scope = web.App.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var tenant = (await services.GetRequiredService<ResolveTenant>().HandleAsync(new ResolveTenantRequest("NCC"))).Value;
            services.GetRequiredService<TenantContext>().Set(tenant, new Actor("test", "Test finance", tenant.AuthorityId, [new RoleGrant(Role.FinanceOfficer)], "test"));
            var csv = "recordId,date,buyer,offering,quantity,jobReference,recordedBy\n@SUM(1+1),2026-12-03,F-COR,PRT-COL,100,=HYPERLINK(\"http://evil.example\"),mallory\n";
            Assert.True((await services.GetRequiredService<ImportFile>().HandleAsync(new ImportRequest(ImportKind.Usage, "evil.csv", Encoding.UTF8.GetBytes(csv)))).IsOk);
            Assert.True((await services.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-12", false))).IsOk);
            coroner = await services.GetRequiredService<FairShareDbContext>().CostCentres.Where(c => c.Code == "F-COR" && c.AuthorityId == tenant.AuthorityId).Select(c => c.Id).SingleAsync();
        }
        using var client = await web.SignedInAsync("finance.officer@northshire.example");

        var csvExport = await client.GetStringAsync(new Uri($"/statements/{coroner}?handler=Csv&period=2026-12", UriKind.Relative));
        var line = csvExport.Split("\r\n").Single(l => l.Contains("SUM(1+1)", StringComparison.Ordinal));
        Assert.EndsWith(",'@SUM(1+1)", line, StringComparison.Ordinal);

        var xlsx = await client.GetByteArrayAsync(new Uri($"/statements/{coroner}?handler=Xlsx&period=2026-12", UriKind.Relative));
        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var cell = rows.Select(r => r["detail"] as string).Single(d => d is not null && d.Contains("SUM(1+1)", StringComparison.Ordinal));
        Assert.Equal("'@SUM(1+1)", cell);
        Assert.Contains(rows, r => r["section"] as string == "charge" && r["counterparty"] as string == "Print and Design");
    }
}
