using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>No file a person downloads stays behind in a browser's or a proxy's cache: every export is <c>no-store</c>, as pages are.</summary>
public sealed class ExportCachingTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task EveryExport_OnThePagesAndTheApi_IsNoStore()
    {
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        using (var run = await finance.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026-10", dryRun = false }))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }
        var centres = JsonDocument.Parse(await finance.GetStringAsync(new Uri("/api/cost-centres", UriKind.Relative))).RootElement;
        var buyer = centres.EnumerateArray().First(c => c.GetProperty("code").GetString() == "F-LIB").GetProperty("id").GetInt32();
        using var auditor = await web.ApiClientAsync("NCC", Role.Auditor);
        using var officer = await web.SignedInAsync("finance.officer@northshire.example");
        using var auditorPages = await web.SignedInAsync("auditor@northshire.example");

        (string Route, HttpClient Client)[] exports =
        [
            ("/audit?handler=Export", auditorPages),
            ("/recharge/journal?period=2026-10", officer),
            ("/recharge/journal?batch=1", officer),
            ($"/statements/{buyer}?handler=Csv&period=2026-10", officer),
            ($"/statements/{buyer}?handler=Xlsx&period=2026-10", officer),
            ("/recharge/import?handler=DemoFile", officer),
            ("/api/journal?period=2026-10", finance),
            ("/api/journal?batch=1", finance),
            ($"/api/statements/{buyer}?period=2026-10", finance),
            ("/api/audit", auditor),
        ];
        var cached = new List<string>();
        foreach (var (route, client) in exports)
        {
            using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered {response.StatusCode}");
            if (response.Headers.CacheControl is not { NoStore: true })
            {
                cached.Add($"{route}: Cache-Control {response.Headers.CacheControl?.ToString() ?? "(none)"}");
            }
        }
        Assert.Empty(cached);
    }
}
