using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>The ledger's check on every door of the web: GET /api/verify and the /verify page, and the chain head a journal export carries.</summary>
public class VerifyTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TheApi_SaysTheLedgerIsIntact_AndAJournalBatchCarriesItsChainHead()
    {
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        using var run = await finance.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026-04" });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        using var journal = await finance.GetAsync(new Uri("/api/journal?period=2026-04", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, journal.StatusCode);
        var head = Assert.Single(journal.Headers.GetValues("X-FairShare-Chain-Head"));
        Assert.Matches("^[0-9a-f]{64}$", head);

        using var auditor = await web.ApiClientAsync("NCC", Role.Auditor);
        using var response = await auditor.GetAsync(new Uri("/api/verify", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("intact").GetBoolean(), body.ToString());
        Assert.Equal(head, body.GetProperty("journalHead").GetString());
        Assert.True(body.GetProperty("journals").GetInt32() > 0);
        Assert.Equal(0, body.GetProperty("findings").GetArrayLength());
    }

    [Theory]
    [InlineData(Role.BudgetHolder)]
    [InlineData(Role.ValueForMoneyPanel)]
    public async Task OthersThanAuditorsFinanceAndAdministrators_AreRefused(Role role)
    {
        using var api = await web.ApiClientAsync("NCC", role, role == Role.BudgetHolder ? "F-OP" : null);
        using var response = await api.GetAsync(new Uri("/api/verify", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsTheVerdictAndWhatWasChecked()
    {
        using var page = await web.SignedInAsync("auditor@northshire.example");
        var html = await page.GetStringAsync(new Uri("/verify", UriKind.Relative));
        Assert.Contains("Check the ledger and the audit log", html, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"govuk-panel__title\">Intact</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Journal chain head", html, StringComparison.Ordinal);
        var help = await page.GetStringAsync(new Uri("/help/verify", UriKind.Relative));
        Assert.Contains("Checking the ledger and the audit log", help, StringComparison.Ordinal);
    }
}
