using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>The two-person rule through the API: an administrator turns it on, and a token that prepared a dry run cannot post it.</summary>
public class TwoPeopleApiTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task AnAdministratorTurnsItOn_ThenThePreparerIsRefused_AndSomeoneElsePosts()
    {
        using var admin = await web.ApiClientAsync("NCC", Role.Administrator);
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        // A second finance officer: another token, so another actor.
        using var other = new HttpClient { BaseAddress = web.BaseAddress };
        other.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await web.IssueTokenAsync("NCC", Role.FinanceOfficer)).Secret);
        using (var forbidden = await finance.PutAsJsonAsync(new Uri("/api/authority/two-people", UriKind.Relative), new { required = true }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        using (var invalid = await admin.PutAsJsonAsync(new Uri("/api/authority/two-people", UriKind.Relative), new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.True((await BodyAsync(invalid)).GetProperty("errors").TryGetProperty("required", out _));
        }
        using (var on = await admin.PutAsJsonAsync(new Uri("/api/authority/two-people", UriKind.Relative), new { required = true }))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }
        try
        {
            Assert.True((await BodyAsync(await admin.GetAsync(new Uri("/api/authority/two-people", UriKind.Relative)))).GetProperty("required").GetBoolean());
            using (var dry = await finance.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026-07", dryRun = true }))
            {
                Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            }
            using (var same = await finance.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026-07" }))
            {
                Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
                Assert.Contains("someone else must post it", (await BodyAsync(same)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
            using var posted = await other.PostAsJsonAsync(new Uri("/api/recharge/runs", UriKind.Relative), new { period = "2026-07" });
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }
        finally
        {
            using var off = await admin.PutAsJsonAsync(new Uri("/api/authority/two-people", UriKind.Relative), new { required = false });
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }
    }

    [Fact]
    public async Task ThePage_ShowsTheSettingToAnAdministrator()
    {
        using var page = await web.SignedInAsync("admin@northshire.example");
        var html = await page.GetStringAsync(new Uri("/admin/two-people", UriKind.Relative));
        Assert.Contains("require two people for the month's journals?", html, StringComparison.Ordinal);
        Assert.Contains("value=\"off\" checked", html, StringComparison.Ordinal);
    }
}
