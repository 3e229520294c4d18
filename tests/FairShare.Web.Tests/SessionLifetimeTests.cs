using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FairShare.Web.Tests;

/// <summary>
/// A session ends after an hour without a request and twelve hours after signing in however busy; sign-ins,
/// refusals and limits are logged as security events by account id, never by email.
/// </summary>
public sealed class SessionLifetimeTests
{
    private static async Task<(OwnApp App, FakeTimeProvider Clock, CapturingLoggerProvider Logs)> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var app = await OwnApp.StartAsync([], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Logging.AddProvider(logs);
        });
        return (app, clock, logs);
    }

    private static async Task SignInAsync(HttpClient browser, string email, string password)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/sign-in");
        using var response = await browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<HttpStatusCode> OpenAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(new Uri("/catalogue", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task ASessionInUse_LastsTwelveHours_ThenEnds()
    {
        var (app, clock, _) = await StartAsync();
        await using (app)
        {
            using var browser = app.Browser();
            await SignInAsync(browser, "auditor@northshire.example", "fairshare-demo");
            for (var half = 1; half <= 23; half++)
            {
                clock.Advance(TimeSpan.FromMinutes(30));
                Assert.True(await OpenAsync(browser) == HttpStatusCode.OK, $"after {half * 30} minutes in use the session has ended");
            }
            clock.Advance(TimeSpan.FromMinutes(31)); // 12 h 1 min after signing in
            Assert.Equal(HttpStatusCode.Redirect, await OpenAsync(browser));
        }
    }

    [Fact]
    public async Task ASessionLeftAlone_ForMoreThanAnHour_Ends()
    {
        var (app, clock, _) = await StartAsync();
        await using (app)
        {
            using var browser = app.Browser();
            await SignInAsync(browser, "auditor@northshire.example", "fairshare-demo");
            clock.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal(HttpStatusCode.OK, await OpenAsync(browser));
            clock.Advance(TimeSpan.FromMinutes(61));
            Assert.Equal(HttpStatusCode.Redirect, await OpenAsync(browser));
        }
    }

    [Fact]
    public async Task SignIns_AndRefusals_AreSecurityEvents_ByAccountId_NeverByEmail()
    {
        var (app, _, logs) = await StartAsync();
        await using (app)
        {
            using var browser = app.Browser();
            await SignInAsync(browser, "nobody@nowhere.example", "guess");
            await SignInAsync(browser, "finance.officer@northshire.example", "wrong");
            await SignInAsync(browser, "auditor@northshire.example", "fairshare-demo");
            using var forbidden = await browser.GetAsync(new Uri("/admin/tokens", UriKind.Relative));
            using var api = new HttpClient { BaseAddress = app.BaseAddress };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "fs_made_up_token");
            using var refused = await api.GetAsync(new Uri("/api/me", UriKind.Relative));

            var events = logs.Entries.ToList();
            Assert.Contains(events, e => e.Level == LogLevel.Warning && e.Message == "Security: sign-in refused, no account with a password has the email given");
            Assert.Contains(events, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Security: sign-in refused, wrong password for account ", StringComparison.Ordinal));
            Assert.Contains(events, e => e.Level == LogLevel.Information && e.Message.StartsWith("Security: account ", StringComparison.Ordinal) && e.Message.EndsWith(" signed in with its password", StringComparison.Ordinal));
            Assert.Contains(events, e => e.Level == LogLevel.Warning && e.Message.StartsWith("GET /admin/tokens answered 403", StringComparison.Ordinal));
            Assert.Contains(events, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Security: API token refused", StringComparison.Ordinal));
            Assert.Contains(events, e => e.Level == LogLevel.Warning && e.Message.StartsWith("GET /api/me answered 401", StringComparison.Ordinal));
            Assert.DoesNotContain(events, e => e.Message.Contains('@', StringComparison.Ordinal) || e.Message.Contains("fs_made_up", StringComparison.Ordinal));
        }
    }
}
