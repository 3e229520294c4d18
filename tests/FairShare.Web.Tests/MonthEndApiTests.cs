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

/// <summary>POST /api/usage: all or nothing, a replay writes nothing, other content is a conflict unless sent as a correction.</summary>
public class UsageApiTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private async Task<(decimal Quantity, int Records)> HeldAsync(string prefix)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var rows = await db.Usage.Where(u => u.RecordId.StartsWith(prefix)).Select(u => u.Quantity).ToListAsync();
        return (rows.Sum(), rows.Count);
    }

    private async Task<decimal> TotalledAsync(string offering, string buyer)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var o = await db.Offerings.Where(x => x.Code == offering).Select(x => x.Id).SingleAsync();
        var b = await db.CostCentres.Where(x => x.Code == buyer && x.Authority.Code == "NCC").Select(x => x.Id).SingleAsync();
        return (await db.UsageSummaries.Where(u => u.OfferingId == o && u.BuyerCostCentreId == b && u.FinancialYearStart == 2026 && u.PeriodNumber == 10).Select(u => u.Quantity).ToListAsync()).Sum();
    }

    private static object Record(string id, decimal quantity, string date = "2027-01-12", string buyer = "F-OP") =>
        new { recordId = id, date, buyer, offering = "LEG-ADV", quantity, jobReference = "J-1", recordedBy = "Emma Clarke" };

    [Fact]
    public async Task Records_AreWrittenOnce_AReplayWritesNothing_OtherContentIsAConflict_AndACorrectionReplacesIt()
    {
        using var api = await web.ApiClientAsync("NCC", Role.ProviderStaff, "S-LEG");
        var totalBefore = await TotalledAsync("LEG-ADV", "F-OP");

        using var first = await api.PostAsJsonAsync(new Uri("/api/usage", UriKind.Relative), new { records = new[] { Record("API-1", 2m), Record("API-2", 3m) } });
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal((5m, 2), await HeldAsync("API-"));

        using var replay = await api.PostAsJsonAsync(new Uri("/api/usage", UriKind.Relative), new { records = new[] { Record("API-1", 2m), Record("API-2", 3m) } });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("replayed").GetInt32());
        Assert.Equal((5m, 2), await HeldAsync("API-"));

        using var conflict = await api.PostAsJsonAsync(new Uri("/api/usage", UriKind.Relative), new { records = new[] { Record("API-3", 1m), Record("API-2", 4m) } });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal((5m, 2), await HeldAsync("API-")); // all or nothing: API-3 was not written either

        using var correction = await api.PostAsJsonAsync(new Uri("/api/usage", UriKind.Relative), new { records = new[] { Record("API-2", 4m) }, correction = true });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        Assert.Equal((6m, 2), await HeldAsync("API-"));
        Assert.Equal(totalBefore + 6m, await TotalledAsync("LEG-ADV", "F-OP")); // the run's totals follow the correction
    }

    [Fact]
    public async Task ABadRecord_NamesItsIndexAndField_AndNothingIsWritten()
    {
        using var api = await web.ApiClientAsync("NCC", Role.ProviderStaff, "S-LEG");
        using var response = await api.PostAsJsonAsync(new Uri("/api/usage", UriKind.Relative), new
        {
            records = new object[]
            {
                Record("BAD-1", 1m),
                Record(new string('x', 2_000_000), 1m),
                Record("BAD-3", -1m),
                new { recordId = "BAD-4", date = "9999-12-31", buyer = "NOPE", offering = "BL-ADV", quantity = 1m },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("records[1].recordId", out _));
        Assert.True(errors.TryGetProperty("records[2].quantity", out _));
        Assert.True(errors.TryGetProperty("records[3].buyer", out _));
        Assert.True(errors.TryGetProperty("records[3].offering", out _));
        Assert.Equal((0m, 0), await HeldAsync("BAD-"));
    }
}
