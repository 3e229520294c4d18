using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FairShare.Domain.Access;
using Microsoft.Extensions.Time.Testing;

namespace FairShare.Web.Tests;

public sealed class SignInTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private HttpClient Anonymous() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/sign-in");
        return await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToSignIn()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync(new Uri("/catalogue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectPassword_SignsIn_AndSignOutEndsTheSession()
    {
        using var client = Anonymous();
        using var response = await SignInAsync(client, "auditor@westvale.example", "fairshare-demo");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Signed in as <strong>Julia Reed</strong> (Auditor, Westvale Borough Council)", home, StringComparison.Ordinal);

        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/");
        using var signOut = await client.PostAsync(new Uri("/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_SlowTheAccount_EvenAgainstTheRightOne()
    {
        using var client = Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(client, "vfm.panel@westvale.example", "not-the-password");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using var right = await SignInAsync(client, "vfm.panel@westvale.example", "fairshare-demo");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("There have been too many wrong passwords for this account. Wait 30 seconds, then try again.",
            await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("fairshare=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WrongPassword_SaysSoWithoutSayingWhichIsWrong()
    {
        using var client = Anonymous();
        using var response = await SignInAsync(client, "nobody@northshire.example", "whatever-it-is");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The email address or password is wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/demo")]
    public async Task FormPostWithoutAntiforgeryToken_IsRefused(string page)
    {
        using var client = Anonymous();
        using var response = await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "admin@northshire.example",
            ["password"] = "fairshare-demo",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("fairshare=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Api_WithoutToken_Is401_AndRevokedToken_Is401SayingSo()
    {
        using var anonymous = new HttpClient { BaseAddress = web.BaseAddress };
        using var none = await anonymous.GetAsync(new Uri("/api/offerings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        var issued = await web.IssueTokenAsync("NCC", Role.Auditor);
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        using (var ok = await client.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using (var revoke = await web.Client.DeleteAsync(new Uri($"/api/tokens/{issued.Token.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }
        using var refused = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The API token has been revoked.", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_RoleRefusal_Is403WithAClearMessage_AndChangesNothing()
    {
        using var auditor = await web.ApiClientAsync("NCC", Role.Auditor);
        var centres = JsonDocument.Parse(await auditor.GetStringAsync(new Uri("/api/cost-centres", UriKind.Relative))).RootElement;
        var id = centres.EnumerateArray().First(c => c.GetProperty("code").GetString() == "F-LIB").GetProperty("id").GetInt32();
        using var response = await auditor.PutAsync(new Uri($"/api/cost-centres/{id}/budgets/2036", UriKind.Relative),
            new StringContent("""{"amount": 5}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("API token 'Test Auditor' (Auditor) cannot set budgets.",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        var detail = JsonDocument.Parse(await auditor.GetStringAsync(new Uri($"/api/cost-centres/{id}", UriKind.Relative))).RootElement;
        Assert.DoesNotContain(detail.GetProperty("budgets").EnumerateArray(), b => b.GetProperty("financialYear").GetString() == "2036/37");
    }

    [Fact]
    public async Task Api_FinanceOfficerSetsABudget_AndAuditorSeesItInTheLog()
    {
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var centres = JsonDocument.Parse(await finance.GetStringAsync(new Uri("/api/cost-centres", UriKind.Relative))).RootElement;
        var id = centres.EnumerateArray().First(c => c.GetProperty("code").GetString() == "F-MUS").GetProperty("id").GetInt32();
        using var response = await finance.PutAsync(new Uri($"/api/cost-centres/{id}/budgets/2037", UriKind.Relative),
            new StringContent("""{"amount": 2250000.10}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var auditor = await web.ApiClientAsync("NCC", Role.Auditor);
        var log = JsonDocument.Parse(await auditor.GetStringAsync(new Uri("/api/audit?text=2037/38", UriKind.Relative))).RootElement;
        var entry = log.EnumerateArray().First();
        Assert.Equal("budget.set", entry.GetProperty("action").GetString());
        Assert.Equal("API token 'Test FinanceOfficer'", entry.GetProperty("actor").GetString());
        Assert.Equal("api", entry.GetProperty("via").GetString());
        Assert.Contains("2250000.10", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("budget.holder@northshire.example", "/audit", HttpStatusCode.Forbidden, "Priya Shah (Budget holder) cannot read the audit log.")]
    [InlineData("supplier@brightline.example", "/cost-centres", HttpStatusCode.Forbidden, "cannot see cost centres.")]
    [InlineData("finance.officer@northshire.example", "/admin/tokens", HttpStatusCode.Forbidden, "cannot see API tokens.")]
    [InlineData("auditor@northshire.example", "/audit", HttpStatusCode.OK, "Audit log")]
    public async Task Pages_ShowEachRoleItsOwnWork_AndRefuseTheRestClearly(string email, string page, HttpStatusCode status, string text)
    {
        using var client = await web.SignedInAsync(email);
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HideWhatARoleCannotDo()
    {
        using var holder = await web.SignedInAsync("budget.holder@northshire.example");
        var home = await holder.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("href=\"/audit\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/tokens\"", home, StringComparison.Ordinal);

        using var manager = await web.SignedInAsync("provider.manager@northshire.example");
        var catalogue = JsonDocument.Parse(await web.Client.GetStringAsync(new Uri("/api/offerings?search=ADV", UriKind.Relative))).RootElement;
        int Id(string code) => catalogue.GetProperty("offerings").EnumerateArray().First(o => o.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
        // The shop's actions (prices, edit, withdraw) show on the manager's own service's offering, not on another's.
        Assert.Contains($"href=\"/catalogue/{Id("LEG-ADV")}/prices\"", await manager.GetStringAsync(new Uri($"/catalogue/{Id("LEG-ADV")}", UriKind.Relative)), StringComparison.Ordinal);
        var others = await manager.GetStringAsync(new Uri($"/catalogue/{Id("HR-ADV")}", UriKind.Relative));
        Assert.DoesNotContain("id=\"your-shop\"", others, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/catalogue/{Id("HR-ADV")}/prices\"", others, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}

/// <summary>Its own app, so its sign-in limit does not trouble the other tests.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fairshare-web-tests", Guid.NewGuid().ToString("N"));
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = FairShare.Web.Hosting.FairShareWebApp.Build(["--urls=http://127.0.0.1:0", $"--Database:DataFolder={_data}", "--FairShare:SignInAttemptsPerMinute=3"]);
        await FairShare.Web.Hosting.FairShareWebApp.PrepareDatabaseAsync(_app, TextWriter.Null);
        await _app.StartAsync();
    }

    [Fact]
    public async Task SignInAttempts_BeyondTheLimit_Get429()
    {
        var address = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(_app.Services)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/sign-in");
            using var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = "admin@northshire.example",
                ["password"] = "wrong-password-guess",
                ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}

/// <summary>
/// The sign-in limits as configured by default, on their own app and clock: one office behind one address signs in
/// freely, while one account hammered with wrong passwords is slowed, not locked.
/// </summary>
public sealed class SignInSlowDownTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fairshare-web-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = FairShare.Web.Hosting.FairShareWebApp.Build(["--urls=http://127.0.0.1:0", $"--Database:DataFolder={_data}"],
            builder => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(builder.Services, _clock));
        await FairShare.Web.Hosting.FairShareWebApp.PrepareDatabaseAsync(_app, TextWriter.Null);
        await _app.StartAsync();
        _address = new Uri(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(_app.Services)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
    }

    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _address };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/sign-in");
        return await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task ManyPeopleFromOneAddress_EachSignIn_EvenAfterAMistypedPassword()
    {
        // Every demo person, one mistyped password each, all from 127.0.0.1 within the minute: 32 attempts, three
        // times what the old per-address limit of 10 a minute allowed.
        var statuses = new List<(string Email, HttpStatusCode Wrong, HttpStatusCode Right)>();
        foreach (var person in FairShare.Features.Demo.DemoCatalogue.People)
        {
            using var client = Browser();
            using var wrong = await SignInAsync(client, person.Email, "mistyped-password");
            using var right = await SignInAsync(client, person.Email, FairShare.Features.Demo.DemoCatalogue.DemoPassword);
            statuses.Add((person.Email, wrong.StatusCode, right.StatusCode));
        }
        Assert.Equal(16, statuses.Count);
        Assert.All(statuses, s => Assert.Equal((s.Email, HttpStatusCode.BadRequest, HttpStatusCode.Redirect), s));
    }

    [Fact]
    public async Task HammeringOneAccount_IsSlowed_WithoutCheckingThePassword_WhileOthersSignIn()
    {
        const string target = "provider.staff@westvale.example";
        using var attacker = Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(attacker, target, $"guess-number-{i}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // Too soon: refused before the password is looked at, the right one included.
        using var owner = Browser();
        using (var tooSoon = await SignInAsync(owner, target, FairShare.Features.Demo.DemoCatalogue.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), tooSoon.Headers.RetryAfter?.Delta);
            Assert.Contains("Wait 30 seconds, then try again.", await tooSoon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Another account from the same address is not held up.
        using (var colleague = await SignInAsync(Browser(), "auditor@westvale.example", FairShare.Features.Demo.DemoCatalogue.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
        }

        // After the wait one more guess is checked, and the wait after it doubles.
        _clock.Advance(TimeSpan.FromSeconds(30));
        using (var guess = await SignInAsync(attacker, target, "guess-number-5"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }
        using (var again = await SignInAsync(owner, target, FairShare.Features.Demo.DemoCatalogue.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
            Assert.Contains("Wait 1 minute, then try again.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Slowed, not locked: once the wait is over the owner signs in, and the count starts again.
        _clock.Advance(TimeSpan.FromSeconds(60));
        using (var signedIn = await SignInAsync(owner, target, FairShare.Features.Demo.DemoCatalogue.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        using var afresh = await SignInAsync(Browser(), target, "one-more-mistake");
        Assert.Equal(HttpStatusCode.BadRequest, afresh.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}

public sealed class DemoModeTests
{
    [Fact]
    public async Task DemoSignInPage_NeverExistsWithPostgres()
    {
        var production = new FairShare.Web.Hosting.DemoMode(
            new FairShare.Persistence.DatabaseOptions { Provider = "Postgres", ConnectionString = "Host=127.0.0.1;Port=1" }, null!);
        Assert.False(await production.IsOnAsync());
    }
}
