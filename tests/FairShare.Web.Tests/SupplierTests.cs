using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>The supplier register through the API and the pages; supplier accounts shut out while self-service is off.</summary>
public class SupplierTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Key, string Value)[] fields)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(new Uri(action, UriKind.Relative),
            new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    [Fact]
    public async Task Api_RegistersASupplier_EntersARate_AndRefusesWhatTheRoleMayNot()
    {
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        using var holder = await web.ApiClientAsync("NCC", Role.BudgetHolder, "F-LIB");
        using (var invalid = await finance.PostAsJsonAsync(new Uri("/api/suppliers", UriKind.Relative), new { code = "API-SUP", name = "", contractStart = "2026-04-01", contractEnd = "2025-03-31" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var errors = (await BodyAsync(invalid)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("name", out _));
            Assert.True(errors.TryGetProperty("contractReference", out _));
            Assert.True(errors.TryGetProperty("contractEnd", out _));
        }
        var body = new { code = "API-SUP", name = "Api Supplies Ltd", description = "Stationery.", contractReference = "ESPO 101", contractStart = "2026-04-01", contractEnd = "2028-03-31" };
        using (var forbidden = await holder.PostAsJsonAsync(new Uri("/api/suppliers", UriKind.Relative), body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        using (var added = await finance.PostAsJsonAsync(new Uri("/api/suppliers", UriKind.Relative), body))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Equal("ESPO 101", (await BodyAsync(added)).GetProperty("contractReference").GetString());
        }
        using (var rate = await finance.PostAsJsonAsync(new Uri("/api/suppliers/API-SUP/rates", UriKind.Relative),
            new { offeringCode = "API-PRINT", financialYear = 2026, rate = 0.05m, name = "Print (Api Supplies)", category = "Print and design", unit = "page" }))
        {
            Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        }
        using (var overwrite = await finance.PostAsJsonAsync(new Uri("/api/suppliers/API-SUP/rates", UriKind.Relative), new { offeringCode = "API-PRINT", financialYear = 2026, rate = 0.04m }))
        {
            Assert.Equal(HttpStatusCode.Conflict, overwrite.StatusCode);
        }
        var register = await BodyAsync(await finance.GetAsync(new Uri("/api/suppliers", UriKind.Relative)));
        Assert.True(register.GetProperty("supplierSelfService").GetBoolean());
        Assert.Contains(register.GetProperty("suppliers").EnumerateArray(), s => s.GetProperty("code").GetString() == "API-SUP" && s.GetProperty("offerings").GetInt32() == 1);
        var comparison = await BodyAsync(await holder.GetAsync(new Uri("/api/comparisons/Print%20and%20design", UriKind.Relative)));
        Assert.Contains(comparison.GetProperty("contracts").EnumerateArray(), c => c.GetProperty("contractReference").GetString() == "ESPO 101");
        using (var policy = await finance.PutAsJsonAsync(new Uri("/api/suppliers/self-service", UriKind.Relative), new { allowed = false }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, policy.StatusCode);
        }
        using (var unknown = await finance.PutAsJsonAsync(new Uri("/api/suppliers/NOPE", UriKind.Relative), body))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task Pages_ListAddChangeAndPrice_AndComparisonsShowTheContract()
    {
        using var finance = await web.SignedInAsync("finance.officer@northshire.example");
        var list = await finance.GetStringAsync(new Uri("/suppliers", UriKind.Relative));
        Assert.Contains("Brightline Legal LLP", list, StringComparison.Ordinal);
        Assert.Contains("Supplier accounts are on", list, StringComparison.Ordinal);
        Assert.DoesNotContain("May suppliers sign in", list, StringComparison.Ordinal); // the setting is the administrator's

        using (var bad = await PostFormAsync(finance, "/suppliers/add", "/suppliers/add", ("Code", "PAGE-SUP"), ("Name", ""), ("ContractReference", "R"),
            ("ContractStart", "1 April 2026"), ("ContractEnd", "2028-03-31")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("href=\"#ContractStart\">", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Name\">", html, StringComparison.Ordinal);
            Assert.Contains("value=\"1 April 2026\"", html, StringComparison.Ordinal);
        }
        using (var added = await PostFormAsync(finance, "/suppliers/add", "/suppliers/add", ("Code", "page-sup"), ("Name", "Page Supplies Ltd"), ("ContractReference", "YPO 555"),
            ("ContractStart", "2026-04-01"), ("ContractEnd", "2028-03-31")))
        {
            Assert.Equal("/suppliers/PAGE-SUP?added=1", added.Headers.Location!.OriginalString);
        }
        using (var changed = await PostFormAsync(finance, "/suppliers/PAGE-SUP/change", "/suppliers/PAGE-SUP/change", ("Name", "Page Supplies Limited"), ("ContractReference", "YPO 556"),
            ("ContractStart", "2026-04-01"), ("ContractEnd", "2029-03-31")))
        {
            Assert.Equal("/suppliers/PAGE-SUP?changed=1", changed.Headers.Location!.OriginalString);
        }
        using (var rate = await PostFormAsync(finance, "/suppliers/PAGE-SUP", "/suppliers/PAGE-SUP?handler=Rate", ("OfferingCode", "PAGE-LEG"), ("OfferingName", "Advocacy (Page Supplies)"),
            ("Category", "Legal"), ("Unit", "hour"), ("FinancialYear", "2026"), ("Rate", "£99.00")))
        {
            Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
            var html = await rate.Content.ReadAsStringAsync();
            Assert.Contains("Page Supplies Limited&#x27;s contract rate for Advocacy (Page Supplies), 2026/27", html, StringComparison.Ordinal);
            Assert.Contains("id=\"rates\"", html, StringComparison.Ordinal);
        }
        using (var negative = await PostFormAsync(finance, "/suppliers/PAGE-SUP", "/suppliers/PAGE-SUP?handler=Rate", ("OfferingCode", "PAGE-LEG"), ("FinancialYear", "2027"), ("Rate", "-1")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
            Assert.Contains("href=\"#Rate\">cannot be negative", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var compare = await finance.GetStringAsync(new Uri("/catalogue/compare?category=Legal", UriKind.Relative));
        Assert.Contains("YPO 556, contract ends 31 March 2029", compare, StringComparison.Ordinal);

        using var holder = await web.SignedInAsync("budget.holder@northshire.example");
        using var refused = await holder.GetAsync(new Uri("/suppliers", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task SupplierAccounts_AreShutOut_WhileSelfServiceIsOff_AndTheAdministratorsPageSaysSo()
    {
        using var admin = await web.SignedInAsync("admin@westvale.example");
        using (var turnedOff = await PostFormAsync(admin, "/suppliers", "/suppliers?handler=SelfService", ("Allowed", "off")))
        {
            Assert.Equal(HttpStatusCode.OK, turnedOff.StatusCode);
        }
        var list = await admin.GetStringAsync(new Uri("/suppliers", UriKind.Relative));
        Assert.Contains("Supplier accounts are off: people with the supplier role cannot sign in or see anything", list, StringComparison.Ordinal);
        Assert.Contains("May suppliers sign in", list, StringComparison.Ordinal);

        using var supplier = await web.SignedInAsync("supplier@harbour.example");
        using (var shut = await supplier.GetAsync(new Uri("/catalogue", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, shut.StatusCode);
            var html = await shut.Content.ReadAsStringAsync();
            Assert.Contains("Supplier accounts are turned off in this authority", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Harbour Facilities Ltd", html, StringComparison.Ordinal);
        }

        using (var on = await PostFormAsync(admin, "/suppliers", "/suppliers?handler=SelfService", ("Allowed", "on")))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
            Assert.Contains("suppliers may now sign in", await on.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var again = await web.SignedInAsync("supplier@harbour.example");
        using (var open = await again.GetAsync(new Uri("/catalogue", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }
    }
}
