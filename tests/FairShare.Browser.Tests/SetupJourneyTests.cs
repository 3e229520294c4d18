using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

/// <summary>
/// A new council's first visit, with the demo off and an empty database: every page leads to set-up, which takes the
/// setup token from the console, the council and its administrator, checks the answers and creates them; the
/// administrator then signs in. Every page is scanned with axe on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SetupJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task WithTheDemoOff_ANewCouncilIsSetUp_ThroughThePages_AndItsAdministratorSignsIn()
    {
        var data = Path.Combine(Path.GetTempPath(), "fairshare-browser-tests", Guid.NewGuid().ToString("N"));
        var app = FairShareWebApp.Build(["--urls=http://127.0.0.1:0", $"--Database:DataFolder={data}", "--FairShare:LoadDemoWhenEmpty=false"]);
        using var console = new StringWriter();
        await FairShareWebApp.PrepareDatabaseAsync(app, console);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // The token as the operator reads it from the console.
            var token = console.ToString().Split("setup token when asked: ")[1].Split('\n')[0].Trim();
            Assert.Equal(app.Services.GetRequiredService<SetupGate>().Token, token);

            var (page, problems) = await browser.NewPageAsync(baseUrl: address);
            await page.GotoAsync("/");
            await page.WaitForURLAsync("**/setup");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up FairShare for your council" })).ToBeVisibleAsync();
            await browser.AssertHealthyAsync(page, problems);

            await page.GetByLabel("Setup token").FillAsync(token);
            await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
            await page.WaitForURLAsync("**/setup/council");
            await browser.AssertHealthyAsync(page, problems);

            // A missing name: the error summary links to the field (the page answers 400, as validation does).
            await page.GetByLabel("Code").FillAsync("EMD");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Council name is required");
            Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Contains("400 " + address.TrimEnd('/') + "/setup/council", problems);
            Assert.All(problems, p => Assert.True(p.StartsWith("400 ", StringComparison.Ordinal) || p.Contains("status of 400", StringComparison.Ordinal), p));
            problems.Clear();
            await browser.AssertHealthyAsync(page, problems);

            await page.GetByLabel("Council name").FillAsync("Eastmoor District Council");
            await page.GetByLabel("Financial year starts in").SelectOptionAsync(new SelectOptionValue { Label = "April" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync("**/setup/administrator");
            await browser.AssertHealthyAsync(page, problems);

            await page.GetByLabel("Full name").FillAsync("Eve Admin");
            await page.GetByLabel("Email address").FillAsync("eve@eastmoor.example");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
            await page.GetByLabel("Confirm password").FillAsync("correct horse battery");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync("**/setup/check");
            await Assertions.Expect(page.Locator("#Code")).ToHaveTextAsync("EMD");
            await browser.AssertHealthyAsync(page, problems);

            await page.GetByRole(AriaRole.Button, new() { Name = "Create council" }).ClickAsync();
            await page.WaitForURLAsync("**/setup/done");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your council is set up" })).ToBeVisibleAsync();
            await browser.AssertHealthyAsync(page, problems);

            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/sign-in");
            await page.GetByLabel("Email address").FillAsync("eve@eastmoor.example");
            await page.GetByLabel("Password").FillAsync("correct horse battery");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(address.TrimEnd('/') + "/");
            await browser.AssertHealthyAsync(page, problems);
            await page.Context.CloseAsync();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
