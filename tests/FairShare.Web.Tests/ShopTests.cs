using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>Providers run their own shop, through the API and the pages (issue 15).</summary>
public sealed class ShopTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    private async Task<int> IdOfAsync(string code)
    {
        var (_, body) = await ReadAsync(await web.Client.GetAsync(new Uri($"/api/offerings?search={code}", UriKind.Relative)));
        return body.GetProperty("offerings").EnumerateArray().First(o => o.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task AProviderManager_AddsPricesAndPublishes_ThroughTheApi_AndOnlyThePanelSetsTheChargingClass()
    {
        using var manager = await web.ApiClientAsync("NCC", Role.ProviderManager, "S-LEG");
        var (status, added) = await ReadAsync(await manager.PostAsJsonAsync(new Uri("/api/offerings", UriKind.Relative), new
        {
            offering = new { code = "API-LEASE", name = "Lease review", category = "Legal", unit = "lease", provider = "S-LEG", noticeMonths = 3, respondWithinWorkingDays = 2 },
            price = new { financialYear = 2027, model = "pay-as-you-go", rate = 600m },
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        var id = added.GetProperty("id").GetInt32();

        var (_, next) = await ReadAsync(await manager.GetAsync(new Uri("/api/offerings?year=2027&search=API-LEASE", UriKind.Relative)));
        Assert.Equal("Not priced yet for 2027/28.", next.GetProperty("offerings")[0].GetProperty("price").GetString());

        var (published, answer) = await ReadAsync(await manager.PostAsync(new Uri($"/api/offerings/{id}/prices/2027/publish", UriKind.Relative), null));
        Assert.Equal(HttpStatusCode.OK, published);
        Assert.Equal("API-LEASE 2027/28 price published: Pay as you go: £600.00 per lease. It binds for the year.", answer.GetProperty("price").GetString());

        var (higher, refusal) = await ReadAsync(await manager.PostAsJsonAsync(new Uri($"/api/offerings/{id}/prices", UriKind.Relative),
            new { financialYear = 2027, model = "pay-as-you-go", rate = 650m, fromPeriod = 6 }));
        Assert.Equal(HttpStatusCode.BadRequest, higher);
        Assert.True(refusal.GetProperty("errors").TryGetProperty("price", out _));

        var (forbidden, _) = await ReadAsync(await manager.PutAsJsonAsync(new Uri($"/api/offerings/{id}/charging-class", UriKind.Relative),
            new { chargingClass = "mandatory", fromPeriod = "2027-04" }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        using var panel = await web.ApiClientAsync("NCC", Role.ValueForMoneyPanel);
        var (set, _) = await ReadAsync(await panel.PutAsJsonAsync(new Uri($"/api/offerings/{id}/charging-class", UriKind.Relative),
            new { chargingClass = "mandatory", fromPeriod = "2027-04" }));
        Assert.Equal(HttpStatusCode.OK, set);

        var (withdrawn, _) = await ReadAsync(await manager.PostAsJsonAsync(new Uri($"/api/offerings/{id}/withdraw", UriKind.Relative), new { from = "2027-04-01" }));
        Assert.Equal(HttpStatusCode.OK, withdrawn);
    }

    [Fact]
    public async Task ASubscriptionWithOverageButNoIncludedQuantity_Is400_NamingTheField()
    {
        using var manager = await web.ApiClientAsync("NCC", Role.ProviderManager, "S-LEG");
        var id = await IdOfAsync("LEG-ADV");
        var (status, body) = await ReadAsync(await manager.PostAsJsonAsync(new Uri($"/api/offerings/{id}/prices", UriKind.Relative),
            new { financialYear = 2028, model = "subscription", fee = 1000m, rate = 12m, schedule = "quarterly" }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("overageRate", out _));
    }

    [Fact]
    public async Task TheOfferingPage_GivesItsProviderTheShop_AndThePricesPageAsksBeforePublishing()
    {
        var id = await IdOfAsync("LEG-ADV");
        using var browser = await web.SignedInAsync("provider.manager@northshire.example");
        var page = await browser.GetStringAsync(new Uri($"/catalogue/{id}", UriKind.Relative));
        Assert.Contains($"href=\"/catalogue/{id}/edit\">Edit", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/catalogue/{id}/withdraw\">Withdraw", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/catalogue/{id}/prices\">Prices", page, StringComparison.Ordinal);

        var prices = await browser.GetStringAsync(new Uri($"/catalogue/{id}/prices", UriKind.Relative));
        Assert.Contains("Draft</strong>", prices, StringComparison.Ordinal);
        Assert.Contains("Price calculator", prices, StringComparison.Ordinal);
        var confirm = await browser.GetStringAsync(new Uri($"/catalogue/{id}/prices?publish=2027&publishFrom=1", UriKind.Relative));
        Assert.Contains("A published price binds for the year", confirm, StringComparison.Ordinal);

        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, $"/catalogue/{id}/prices");
        using var bad = await browser.PostAsync(new Uri($"/catalogue/{id}/prices?handler=Draft", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["PriceYear"] = "2028",
            ["PriceModel"] = "pay-as-you-go",
            ["Rate"] = "-3",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<a href=\"#Rate\">cannot be negative (got -&#xA3;3.00).</a>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCatalogue_SwitchesYears_AndSaysNotPricedYet_NeverOnQuotation()
    {
        using var browser = await web.SignedInAsync("budget.holder@northshire.example");
        var html = await browser.GetStringAsync(new Uri("/catalogue?year=2027&category=Legal", UriKind.Relative));
        Assert.Contains("This year (2026/27)", html, StringComparison.Ordinal);
        Assert.Contains("Next year (2027/28)", html, StringComparison.Ordinal);
        Assert.Contains("Not priced yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("On quotation", html, StringComparison.Ordinal);
        var thisYear = await browser.GetStringAsync(new Uri("/catalogue", UriKind.Relative));
        Assert.Contains("Quoted for each job", thisYear, StringComparison.Ordinal);
        Assert.DoesNotContain("On quotation", thisYear, StringComparison.Ordinal);
        var help = await browser.GetStringAsync(new Uri("/help/running-your-shop", UriKind.Relative));
        Assert.Contains("Running your shop", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABudgetHolder_SeesNoShop_AndIsRefusedThePricesPage()
    {
        var id = await IdOfAsync("LEG-ADV");
        using var browser = await web.SignedInAsync("budget.holder@northshire.example");
        var page = await browser.GetStringAsync(new Uri($"/catalogue/{id}", UriKind.Relative));
        Assert.DoesNotContain("Your shop", page, StringComparison.Ordinal);
        using var prices = await browser.GetAsync(new Uri($"/catalogue/{id}/prices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, prices.StatusCode);
    }
}
