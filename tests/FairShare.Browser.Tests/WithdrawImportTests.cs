using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class WithdrawImportTests(BrowserFixture browser)
{
    [Fact]
    public async Task FinanceOfficer_WithdrawsAWrongImport_ByLinks_WithAReason_AndSeesThePanel()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "Tom Hughes");

        // A file that turns out to be wrong.
        await page.GetByRole(AriaRole.Link, new() { Name = "Month end", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a file" }).ClickAsync();
        await page.GetByLabel("What the file holds").SelectOptionAsync("drivers");
        await page.GetByLabel("CSV or Excel (.xlsx) file").SetInputFilesAsync(new FilePayload
        {
            Name = "browser-desks.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("period,costCentre,driver,value\n2027-01,F-OP,desks,12\n2027-01,F-CSC,desks,30\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("from browser-desks.csv");

        // From the month end, by the import's own link, to the question page with what would go.
        await page.GetByRole(AriaRole.Link, new() { Name = "Month end", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Withdraw import \d+, browser-desks\.csv$") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex(@"^Are you sure you want to withdraw import \d+\?$"));
        await Assertions.Expect(page.Locator("#removed")).ToContainTextAsync("Drivers");
        await Assertions.Expect(page.Locator("#removed")).ToContainTextAsync("42");
        await browser.AssertHealthyAsync(page, problems);

        // No reason: the GOV.UK error pattern, the summary linking to the field.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Withdraw import \d+$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Enter why the import is withdrawn: it goes into the audit log." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Why are you withdrawing it?")).ToBeFocusedAsync();
        problems.Clear(); // the refusal is a 400, as it should be
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByLabel("Why are you withdrawing it?").FillAsync("The desks were last year's count");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Withdraw import \d+$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(new Regex(@"^Import \d+ is withdrawn$"));
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("2 driver values removed from 2027-01");
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the month end" }).ClickAsync();
        await Assertions.Expect(page.Locator("#periods")).ToContainTextAsync("withdrawn");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Withdraw import \d+, browser-desks\.csv$") })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
