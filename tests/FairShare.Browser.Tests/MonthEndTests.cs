using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class MonthEndTests(BrowserFixture browser)
{
    [Fact]
    public async Task FinanceOfficer_ImportsMay_PostsTheRecharge_ReadsAStatement_AndClosesThePeriod_ByLinksAndButtons()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "Tom Hughes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Month end", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#periods")).ToContainTextAsync("2026/27-P13");
        await browser.AssertHealthyAsync(page, problems);

        // A bad import first: the GOV.UK error pattern, then the file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a CSV or Excel file to import.");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Select a CSV or Excel file to import." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("CSV or Excel (.xlsx) file")).ToBeFocusedAsync();
        problems.Clear(); // the refusal is a 400, as it should be
        await browser.AssertHealthyAsync(page, problems);

        var (name, csv) = await browser.DemoUsageFileAsync();
        await page.GetByLabel("What the file holds").SelectOptionAsync("usage");
        await page.GetByLabel("CSV or Excel (.xlsx) file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"usage rows from {name}");

        // Run: pick the period, see the dry run, confirm with the warning button.
        await page.GetByRole(AriaRole.Link, new() { Name = "Month end", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Run the recharge for 2026-05", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Are you sure you want to post the recharge for 2026-05?");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the recharge for 2026-05" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("posted for 2026-05");
        await Assertions.Expect(page.Locator("#recovery")).ToContainTextAsync("Total");
        await browser.AssertHealthyAsync(page, problems);

        // The statement keeps what was bought apart from support costs apportioned. The posted run leads to the
        // statements, and a statement opens on the period last posted (a newcomer once had nowhere to click here).
        await page.GetByRole(AriaRole.Link, new() { Name = "see the statements for 2026-05 by cost centre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older People's Services" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See this cost centre's recharge statement" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Period")).ToHaveValueAsync("2026-05");
        await Assertions.Expect(page.Locator("#charges tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#charges")).ToContainTextAsync("Total charges you control");
        await Assertions.Expect(page.Locator("#allocated")).ToContainTextAsync("Total support costs apportioned to you");
        await browser.AssertHealthyAsync(page, problems);

        // Close: the question page, then the confirmation panel.
        await page.GetByRole(AriaRole.Link, new() { Name = "Month end", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Close 2026-05", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Are you sure you want to close 2026-05?");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close 2026-05" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("2026-05 is closed.");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the month end" }).ClickAsync();
        await Assertions.Expect(page.Locator("#periods")).ToContainTextAsync("closed");

        // The ledger checks out: every seal, link, balance and batch head.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check the ledger", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Intact");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_TurnsTheTwoPersonRuleOnAndOff_WithRadios()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "Alex Morgan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Require two people to post, reverse or close a run" }).ClickAsync();
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByLabel("Yes, two people").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("now requires two people");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByLabel("No, one finance officer may prepare and post").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("no longer requires two people");
        await page.Context.CloseAsync();
    }
}
