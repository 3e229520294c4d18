using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>Withdrawing an import through the API and the page: what it would remove, 400 with the field, 404, 409, and the confirmation.</summary>
public class WithdrawImportTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<int> ImportDriversAsync(HttpClient api, string driver)
    {
        using var content = new StringContent($"period,costCentre,driver,value\n2027-01,F-OP,{driver},7\n2027-01,F-CSC,{driver},5\n", Encoding.UTF8, "text/csv");
        var (status, body) = await ReadAsync(await api.PostAsync(new Uri($"/api/imports/drivers?fileName={driver}.csv", UriKind.Relative), content));
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("batchId").GetInt32();
    }

    private async Task<int> RecordsOfAsync(int batch)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.DriverValues.CountAsync(d => d.ImportBatchId == batch);
    }

    private static Uri Withdraw(int id) => new($"/api/imports/{id}/withdraw", UriKind.Relative);

    [Fact]
    public async Task TheApi_SaysWhatWouldGo_WithdrawsWithAReason_AndRefusesTheSecondTime()
    {
        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var id = await ImportDriversAsync(api, "api-desks");

        var (dryStatus, dry) = await ReadAsync(await api.PostAsJsonAsync(Withdraw(id), new { reason = "", dryRun = true }));
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal("drivers", dry.GetProperty("removed")[0].GetProperty("kind").GetString());
        Assert.Equal(2, dry.GetProperty("removed")[0].GetProperty("rows").GetInt32());
        Assert.Equal(12m, dry.GetProperty("removed")[0].GetProperty("total").GetDecimal());
        Assert.Equal(2, await RecordsOfAsync(id));

        var (invalid, problem) = await ReadAsync(await api.PostAsJsonAsync(Withdraw(id), new { reason = " ", dryRun = false }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Equal("Enter why the import is withdrawn: it goes into the audit log.", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        var (tooLong, _) = await ReadAsync(await api.PostAsJsonAsync(Withdraw(id), new { reason = new string('x', 501), dryRun = true }));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal(2, await RecordsOfAsync(id));

        using (var auditor = await web.ApiClientAsync("NCC", Role.Auditor))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync(Withdraw(id), new { reason = "No", dryRun = false })).StatusCode);
            var (listed, imports) = await ReadAsync(await auditor.GetAsync(new Uri("/api/imports?period=2027-01", UriKind.Relative)));
            Assert.Equal(HttpStatusCode.OK, listed);
            Assert.Equal("imported", imports.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id).GetProperty("state").GetString());
        }
        using (var neighbour = await web.ApiClientAsync("WBC", Role.FinanceOfficer))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync(Withdraw(id), new { reason = "Not ours", dryRun = false })).StatusCode);
        }

        var (done, withdrawn) = await ReadAsync(await api.PostAsJsonAsync(Withdraw(id), new { reason = "Wrong month", dryRun = false }));
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.False(withdrawn.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, withdrawn.GetProperty("rows").GetInt32());
        Assert.Equal(0, await RecordsOfAsync(id));

        var (again, refused) = await ReadAsync(await api.PostAsJsonAsync(Withdraw(id), new { reason = "Again", dryRun = false }));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.StartsWith($"Import {id} was withdrawn on ", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync(Withdraw(999_999), new { reason = "None", dryRun = true })).StatusCode);
    }

    [Fact]
    public async Task ThePage_AsksAreYouSure_WithTheCounts_RequiresAReason_ThenShowsThePanel()
    {
        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var id = await ImportDriversAsync(api, "page-desks");
        using var page = await web.SignedInAsync("finance.officer@northshire.example");

        var monthEnd = await (await page.GetAsync(new Uri("/recharge?year=2026", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/recharge/imports/{id}/withdraw\"", monthEnd, StringComparison.Ordinal);
        var question = await (await page.GetAsync(new Uri($"/recharge/imports/{id}/withdraw", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains($"Are you sure you want to withdraw import {id}?", question, StringComparison.Ordinal);
        Assert.Contains("page-desks.csv", question, StringComparison.Ordinal);
        Assert.Contains("govuk-button--warning", question, StringComparison.Ordinal);

        var token = await WebAppFixture.AntiforgeryTokenAsync(page, $"/recharge/imports/{id}/withdraw");
        using var empty = await page.PostAsync(new Uri($"/recharge/imports/{id}/withdraw", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "" }));
        var errors = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<title>Error: ", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#Reason\"", errors, StringComparison.Ordinal);
        Assert.Contains("id=\"Reason-error\"", errors, StringComparison.Ordinal);
        Assert.Equal(2, await RecordsOfAsync(id));

        using var posted = await page.PostAsync(new Uri($"/recharge/imports/{id}/withdraw", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "The file had last year's desks" }));
        var panel = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("govuk-panel--confirmation", panel, StringComparison.Ordinal);
        Assert.Contains($"Import {id} is withdrawn", panel, StringComparison.Ordinal);
        Assert.Equal(0, await RecordsOfAsync(id));

        // Afterwards the page says why it cannot be withdrawn again, and the month end shows it withdrawn.
        var after = await (await page.GetAsync(new Uri($"/recharge/imports/{id}/withdraw", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains($"Import {id} cannot be withdrawn now", after, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-button--warning", after, StringComparison.Ordinal);
        monthEnd = await (await page.GetAsync(new Uri("/recharge?year=2026", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"href=\"/recharge/imports/{id}/withdraw\"", monthEnd, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync(new Uri("/recharge/imports/999999/withdraw", UriKind.Relative))).StatusCode);

        // The neighbour's import, posted to by id: not found, and nothing of theirs is withdrawn.
        using var neighbour = await web.ApiClientAsync("WBC", Role.FinanceOfficer);
        using var their = new StringContent("period,costCentre,driver,value\n2027-01,WB-HSG,theirs,3\n", Encoding.UTF8, "text/csv");
        var theirs = (await ReadAsync(await neighbour.PostAsync(new Uri("/api/imports/drivers", UriKind.Relative), their))).Body.GetProperty("batchId").GetInt32();
        using var probe = await page.PostAsync(new Uri($"/recharge/imports/{theirs}/withdraw", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "Not ours" }));
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        await using (var scope = web.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            db.SystemAccess = true;
            Assert.Null(await db.ImportBatches.Where(b => b.Id == theirs).Select(b => b.WithdrawnAt).SingleAsync());
        }
    }
}
