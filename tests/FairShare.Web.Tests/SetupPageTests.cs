using System.Net;
using FairShare.Domain.Access;
using FairShare.Persistence;
using FairShare.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>
/// The first-run pages on an empty database with the demo off: every page leads to /setup, which asks for the setup
/// token printed at start, then the council and its administrator, checks the answers, creates both and closes for good.
/// </summary>
public class SetupPageTests
{
    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, params (string Key, string Value)[] fields) =>
        await client.PostAsync(new Uri(page, UriKind.Relative), Form(await WebAppFixture.AntiforgeryTokenAsync(client, page), fields));

    [Fact]
    public async Task AnEmptyDatabase_LeadsEveryPageToSetup_WhichCreatesTheCouncil_ThenAnswers404()
    {
        await using var app = await OwnApp.StartAsync(["--FairShare:LoadDemoWhenEmpty=false"]);
        var gate = app.App.Services.GetRequiredService<SetupGate>();
        Assert.True(gate.IsOpen);
        using var browser = app.Browser();

        foreach (var page in new[] { "/", "/sign-in", "/catalogue", "/suppliers/add" })
        {
            using var redirected = await browser.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Equal("/setup", redirected.Headers.Location!.OriginalString);
        }
        using (var live = await browser.GetAsync(new Uri(Operations.LivePath, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        using (var skipped = await browser.GetAsync(new Uri("/setup/council", UriKind.Relative)))
        {
            Assert.Equal("/setup", skipped.Headers.Location!.OriginalString); // no token given yet
        }
        using (var noAntiforgery = await browser.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent([KeyValuePair.Create("SetupToken", gate.Token)])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noAntiforgery.StatusCode);
        }
        using (var wrong = await PostAsync(browser, "/setup", ("SetupToken", "AAAA-BBBB-CCCC-DDDD-EEEE")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("<title>Error: Set up FairShare for your council", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#SetupToken\">The setup token is not right", html, StringComparison.Ordinal);
        }
        using (var right = await PostAsync(browser, "/setup", ("SetupToken", gate.Token.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))))
        {
            Assert.Equal("/setup/council", right.Headers.Location!.OriginalString);
        }
        using (var bad = await PostAsync(browser, "/setup/council", ("Name", ""), ("Code", "N C C"), ("YearStartMonth", "13")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("href=\"#Name\">Council name is required", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Code\">Code &#x27;N C C&#x27; must be up to 20 letters, digits or hyphens.", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#YearStartMonth\">Financial year start month must be a month from 1 to 12 (got 13).", html, StringComparison.Ordinal);
            Assert.Contains("value=\"N C C\"", html, StringComparison.Ordinal); // the input is kept
        }
        using (var council = await PostAsync(browser, "/setup/council", ("Name", "Eastmoor District Council"), ("Code", "emd"), ("YearStartMonth", "4")))
        {
            Assert.Equal("/setup/administrator", council.Headers.Location!.OriginalString);
        }
        using (var mismatch = await PostAsync(browser, "/setup/administrator", ("AdminName", "Eve Admin"), ("AdminEmail", "eve@eastmoor.example"),
            ("Password", "correct horse battery"), ("ConfirmPassword", "correct horse battery staple")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
            Assert.Contains("href=\"#ConfirmPassword\">The passwords do not match", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var admin = await PostAsync(browser, "/setup/administrator", ("AdminName", "Eve Admin"), ("AdminEmail", "eve@eastmoor.example"),
            ("Password", "correct horse battery"), ("ConfirmPassword", "correct horse battery")))
        {
            Assert.Equal("/setup/check", admin.Headers.Location!.OriginalString);
        }
        var check = await browser.GetStringAsync(new Uri("/setup/check", UriKind.Relative));
        Assert.Contains("<dd class=\"govuk-summary-list__value\" id=\"Code\">EMD</dd>", check, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"govuk-summary-list__value\" id=\"YearStartMonth\">April</dd>", check, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse battery", check, StringComparison.Ordinal);
        using (var created = await PostAsync(browser, "/setup/check"))
        {
            Assert.Equal("/setup/done", created.Headers.Location!.OriginalString);
        }
        var done = await browser.GetStringAsync(new Uri("/setup/done", UriKind.Relative));
        Assert.Contains("Created Eastmoor District Council (EMD), financial year from April, with Eve Admin as its administrator.", done, StringComparison.Ordinal);
        Assert.False(gate.IsOpen);

        foreach (var page in new[] { "/setup", "/setup/council", "/setup/check", "/setup/done" })
        {
            using var gone = await browser.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        using (var home = await browser.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Contains("/sign-in", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var signIn = await PostAsync(browser, "/sign-in", ("Email", "eve@eastmoor.example"), ("Password", "correct horse battery")))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        }
        using (var signedIn = await browser.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var entries = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Via }).ToListAsync();
        Assert.Equal(["authority.create web", "user.create web"], entries.Select(e => $"{e.Action} {e.Via}"));
        Assert.Equal([Role.Administrator], await db.RoleAssignments.Select(r => r.Role).ToListAsync());
    }

    [Fact]
    public async Task WithTheDemo_SetupDoesNotExist()
    {
        await using var app = await OwnApp.StartAsync([]);
        using var browser = app.Browser();
        using var response = await browser.GetAsync(new Uri("/setup", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("/sign-in", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
