using System.Net;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FairShare.Web.Tests;

/// <summary>What a load balancer and an operator rely on: health endpoints, and logs that say what happened, by request id, without personal data.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Health_LiveAndReady_AnswerAnyone_Healthy_WithoutSignIn()
    {
        await using var app = await OwnApp.StartAsync([]);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        foreach (var path in new[] { Operations.LivePath, Operations.ReadyPath })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        }
    }

    [Fact]
    public async Task TheErrorPage_GivesTheRequestIdAsAReferenceToQuote()
    {
        await using var app = await OwnApp.StartAsync([]);
        using var client = app.Browser();
        using var response = await client.GetAsync(new Uri("/status/500", UriKind.Relative));
        var id = Assert.Single(response.Headers.GetValues(Operations.RequestIdHeader));
        Assert.Contains($"give them this reference: <strong>{id}</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseIsNotMigrated_Is503_WhileLiveStaysHealthy()
    {
        var data = Path.Combine(Path.GetTempPath(), "fairshare-web-tests", Guid.NewGuid().ToString("N"));
        var app = FairShareWebApp.Build(["--urls=http://127.0.0.1:0", $"--Database:DataFolder={data}", "--FairShare:LoadDemoWhenEmpty=false"]);
        await app.StartAsync(); // no PrepareDatabaseAsync: the database has none of its migrations
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            using var ready = await client.GetAsync(new Uri(Operations.ReadyPath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            using var live = await client.GetAsync(new Uri(Operations.LivePath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task EveryRequest_IsLoggedOnce_WithItsRequestId_AndTheLogsHoldNoEmailOrPassword()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await OwnApp.StartAsync([], builder => builder.Logging.AddProvider(logs));
        using var browser = app.Browser();

        // A wrong password, then the right one, then a page and a search for a person's name.
        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/sign-in");
        using (var wrong = await browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "finance.officer@northshire.example",
            ["Password"] = "not-the-password",
            ["__RequestVerificationToken"] = token,
        })))
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, wrong.StatusCode);
        }
        token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/sign-in");
        using (var right = await browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "auditor@northshire.example",
            ["Password"] = "fairshare-demo",
            ["__RequestVerificationToken"] = token,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }
        using var audit = await browser.GetAsync(new Uri("/audit?text=Priya%20Shah", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var requestId = Assert.Single(audit.Headers.GetValues(Operations.RequestIdHeader));

        var line = Assert.Single(logs.Entries, e => e.Message.StartsWith("GET /audit answered 200", StringComparison.Ordinal));
        Assert.Equal(requestId, line.Scope.GetValueOrDefault("RequestId"));
        Assert.Contains("via web", line.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("POST /sign-in answered", StringComparison.Ordinal));
        foreach (var entry in logs.Entries)
        {
            var text = entry.Message + " " + string.Join(" ", entry.Scope.Values);
            Assert.DoesNotContain("@northshire.example", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("fairshare-demo", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("not-the-password", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Priya", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
