using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class MonthEndTests(BrowserFixture browser)
{
    [Fact]
    public async Task FinanceOfficer_ImportsMay_PostsTheRecharge_ReadsAStatement_AndClosesThePeriod()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "Tom Hughes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recharge" }).ClickAsync();
        await browser.AssertHealthyAsync(page, problems);

        var (name, csv) = await browser.DemoUsageFileAsync();
        await page.GetByLabel("What the file holds").SelectOptionAsync("Usage");
        await page.GetByLabel("CSV or Excel (.xlsx) file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"usage rows from {name}");

        await page.GetByLabel("Period (YYYY-MM)").FillAsync("2026-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the recharge" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("posted for 2026-05");
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByLabel("Period (YYYY-MM)").FillAsync("2026-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the recharge" }).ClickAsync();
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("2026-05 is already posted as run");
        problems.Clear(); // the refusal is a 400, as it should be

        await page.GotoAsync("/cost-centres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Older People's Services" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See this cost centre's recharge statement" }).ClickAsync();
        await page.GetByLabel("Period (YYYY-MM)").FillAsync("2026-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#charges tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#allocated")).ToContainTextAsync("own cost");
        await browser.AssertHealthyAsync(page, problems);

        await page.GotoAsync("/recharge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close 2026-05" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("2026-05 is closed.");
        await Assertions.Expect(page.Locator("#runs")).ToContainTextAsync("Posted, period closed");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }
}
