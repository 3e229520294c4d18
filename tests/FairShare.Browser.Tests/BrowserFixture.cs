using System.Text.Json;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>The real web app on Kestrel and one Debian chromium shared by every browser test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fairshare-browser-tests", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;
    private string _axe = "";
    private readonly HashSet<IPage> _withoutScripts = [];

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The month of usage the demo leaves to import, as the file a finance officer uploads.</summary>
    public async Task<(string Name, string Csv)> DemoUsageFileAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FairShare.Features.Demo.DemoDatabase>().ImportableUsageAsync();
    }
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (scripts/test.sh does).");
        }
        _app = FairShareWebApp.Build(
            ["--urls=http://127.0.0.1:0", $"--Database:DataFolder={_data}", "--FairShare:SignInAttemptsPerMinute=1000"],
            builder => builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero))));
        await FairShareWebApp.PrepareDatabaseAsync(_app, TextWriter.Null);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var axe = typeof(Deque.AxeCore.Commons.AxeResult).Assembly
            .GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        _axe = await new StreamReader(axe).ReadToEndAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page that records every failed request, console error and page error, to be checked by <see cref="AssertHealthyAsync"/>.</summary>
    /// <param name="javaScript">Whether the page runs scripts (off: the no-JavaScript journeys).</param>
    /// <param name="baseUrl">Another app's address (a test that starts its own, e.g. with the demo off); the shared app's when left out.</param>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(bool javaScript = true, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl ?? BaseUrl, JavaScriptEnabled = javaScript });
        // axe comes in through the browser's own channel, not a <script>, so the app's Content-Security-Policy stays as it is.
        await context.AddInitScriptAsync(_axe);
        var page = await context.NewPageAsync();
        if (!javaScript)
        {
            _withoutScripts.Add(page);
        }
        var problems = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                problems.Add($"{r.Status} {r.Url}");
            }
        };
        page.RequestFailed += (_, r) => problems.Add($"failed {r.Url}: {r.Failure}");
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add($"console: {m.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        return (page, problems);
    }

    /// <summary>Signs in through the demo page, as a person would: the page itself is checked on the way.</summary>
    public async Task SignInAsync(IPage page, List<string> problems, string name)
    {
        await page.GotoAsync("/demo");
        await AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {name},", Exact = false }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl.TrimEnd('/') + "/");
    }

    /// <summary>No failed request or console error so far, and an axe scan (WCAG 2.2 A and AA rules) finds nothing.</summary>
    public async Task AssertHealthyAsync(IPage page, List<string> problems)
    {
        Assert.Empty(problems);
        if (_withoutScripts.Contains(page))
        {
            return; // no scripts, no axe: the same pages are scanned with scripts on in the other tests.
        }
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                resultTypes: ['violations'] })).violations
                .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}

