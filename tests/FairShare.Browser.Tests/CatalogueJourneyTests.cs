using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class CatalogueJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task BudgetHolder_FiltersTheCatalogue_OpensAnOffering_AndComparesItsCategory()
    {
        var (page, problems) = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Browse the catalogue" }).ClickAsync();
        await page.WaitForURLAsync("**/catalogue");
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByLabel("Category").SelectOptionAsync("Legal");
        await page.GetByLabel("Pricing model").SelectOptionAsync("pay-as-you-go");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**/catalogue?*category=Legal*");
        var rows = page.Locator("table.govuk-table tbody tr");
        Assert.Equal(7, await rows.CountAsync());
        Assert.Equal("7 offerings found", await page.Locator("#result-count").InnerTextAsync());
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Legal advice (solicitor hour)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Legal advice (solicitor hour)");
        await Assertions.Expect(page.Locator("#pricing")).ToHaveTextAsync("Pay as you go: £92.50 per hour.");
        Assert.Equal(2, await page.Locator("#price-history tbody tr").CountAsync());
        await Assertions.Expect(page.Locator("#service-levels li").First).ToHaveTextAsync("First response: within 2 working days (acknowledged and allocated)");
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare every legal offering side by side" }).ClickAsync();
        var comparison = page.Locator("#comparison tbody");
        await Assertions.Expect(comparison).ToContainTextAsync("Internal");
        await Assertions.Expect(comparison).ToContainTextAsync("Neighbouring authority");
        await Assertions.Expect(comparison).ToContainTextAsync("External supplier");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CostCentres_ListAndPage_ShowKindDirectorateAndBudget()
    {
        var (page, problems) = await browser.NewPageAsync();
        await page.GotoAsync("/cost-centres");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Legal Services" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Legal Services");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("£4,850,000.00");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Resources");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Catalogue_WorksWithoutJavaScript()
    {
        var (page, problems) = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/catalogue");
        await page.GetByLabel("Provider type").SelectOptionAsync("neighbouring-authority");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**providerType=neighbouring-authority*");
        Assert.Equal("7 offerings found", await page.Locator("#result-count").InnerTextAsync());
        await page.GotoAsync("/catalogue/compare?category=Payroll");
        Assert.Equal(7, await page.Locator("#comparison tbody tr").CountAsync());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AxeScan_CatchesAnUnlabelledField()
    {
        var (page, problems) = await browser.NewPageAsync();
        await page.GotoAsync("/catalogue");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text id=unlabelled>')");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => browser.AssertHealthyAsync(page, problems));
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "fairshare-catalogue.png"), FullPage = false });
        await page.Context.CloseAsync();
    }
}
