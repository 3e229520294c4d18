using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>The month end through the API and the pages, and the faults a new user found by trying it.</summary>
public class MonthEndApiTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<int> ImportBatchesAsync()
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.ImportBatches.CountAsync();
    }

    [Theory]
    [InlineData("0001-05")]
    [InlineData("1899-12")]
    [InlineData("9999-12")]
    [InlineData("2026-13")]
    [InlineData("May")]
    public async Task AStatementForAnAbsurdPeriod_IsA400NamingThePeriod_OnThePageAndTheApi(string period)
    {
        using var page = await web.SignedInAsync("finance.officer@northshire.example");
        using var html = await page.GetAsync(new Uri($"/statements/1?period={period}", UriKind.Relative));
        var text = await html.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("<title>Error: ", text, StringComparison.Ordinal);
        Assert.Contains("href=\"#Period\"", text, StringComparison.Ordinal);

        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var (status, body) = await ReadAsync(await api.GetAsync(new Uri($"/api/statements/1?period={period}", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("period", out _));
    }

    [Theory]
    [InlineData("0001-05")]
    [InlineData("9999-12")]
    public async Task RunningAnAbsurdPeriod_IsA400_AndPostsNothing(string period)
    {
        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var (status, body) = await ReadAsync(await api.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period, dryRun = true }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("outside the years kept", body.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APriceForFinancialYear99999_IsA400()
    {
        using var api = await web.ApiClientAsync("NCC", Role.Administrator);
        var (status, body) = await ReadAsync(await api.PostAsJsonAsync(new Uri("/api/offerings/1/prices", UriKind.Relative), new { financialYear = 99999, model = "pay-as-you-go", rate = 1m }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("financialYear", out _));
    }

    [Fact]
    public async Task ProviderStaffImportingLedgerData_IsRefusedBeforeAnythingIsWritten_OnEveryDoor()
    {
        var before = await ImportBatchesAsync();
        using var api = await web.ApiClientAsync("NCC", Role.ProviderStaff, "S-LEG");
        using var content = new StringContent("period,costCentre,account,amount\n2026-06,F-OP,1000,10.00\n", Encoding.UTF8, "text/csv");
        var (status, _) = await ReadAsync(await api.PostAsync(new Uri("/api/imports/costs", UriKind.Relative), content));
        Assert.Equal(HttpStatusCode.Forbidden, status);

        using var page = await web.SignedInAsync("provider.staff@northshire.example");
        var token = await WebAppFixture.AntiforgeryTokenAsync(page, "/recharge/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("costs"), "Kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("period,costCentre,account,amount\n2026-06,F-OP,1000,10.00\n")), "Upload", "costs.csv" },
        };
        using var posted = await page.PostAsync(new Uri("/recharge/import", UriKind.Relative), form);
        Assert.False(posted.IsSuccessStatusCode);
        using var monthEnd = await page.GetAsync(new Uri("/recharge", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, monthEnd.StatusCode);
        Assert.Equal(before, await ImportBatchesAsync());
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/recharge/nothing/here")]
    public async Task AnUnknownApiPath_IsA404ProblemDetails_NeverTheSignInPage(string path)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheYearEndAdjustmentPeriod_IsListed_AndRefusesARun()
    {
        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var (status, body) = await ReadAsync(await api.GetAsync(new Uri("/api/periods?year=2026", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, status);
        var periods = body.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()).ToList();
        Assert.Equal(13, periods.Count);
        Assert.Equal("2026/27-P13", periods[^1]);

        var (refused, problem) = await ReadAsync(await api.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026/27-P13", dryRun = true }));
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("has no recharge run", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuditor_ReadsTheMonthEnd_ButCannotRunIt()
    {
        using var api = await web.ApiClientAsync("NCC", Role.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/periods", UriKind.Relative))).StatusCode);
        var (status, _) = await ReadAsync(await api.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026-06", dryRun = true }));
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}
