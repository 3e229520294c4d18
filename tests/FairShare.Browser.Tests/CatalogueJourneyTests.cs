using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class CatalogueJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task BudgetHolder_FiltersTheCatalogue_OpensAnOffering_AndComparesItsCategory()
    {
        var (page, problems) = await browser.NewPageAsync();

        await browser.SignInAsync(page, problems, "Priya Shah");
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
        await browser.SignInAsync(page, problems, "Tom Hughes");
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
        await browser.SignInAsync(page, problems, "Sam Patel");
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
        await browser.SignInAsync(page, problems, "Sam Patel");
        await page.GotoAsync("/catalogue");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text id=unlabelled>')");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => browser.AssertHealthyAsync(page, problems));
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "fairshare-catalogue.png"), FullPage = false });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProviderManager_PricesNextYear_FinanceSetsABudget_AuditorReadsBoth()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "David Okafor");
        await page.GotoAsync("/catalogue?search=LEG-CONTRACT");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contract drafting and review" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Prices of Contract drafting and review" }).ClickAsync();
        await page.GetByLabel("Financial year (its first calendar year)").FillAsync("2027");
        await page.GetByLabel("Rate per unit, overage rate, driver rate or indicative hourly rate (£)").FillAsync("91.25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft price" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Pay as you go: £91.25 per hour.");
        await Assertions.Expect(page.Locator("#prices")).ToContainTextAsync("2027/28");
        await browser.AssertHealthyAsync(page, problems);
        // Publishing asks first, with a warning: a published price binds for the year.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish the 2027/28 price" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-publish")).ToContainTextAsync("A published price binds for the year");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish price" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prices")).ToContainTextAsync("Published");
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        await browser.AssertHealthyAsync(page, problems);

        await browser.SignInAsync(page, problems, "Tom Hughes");
        await page.GotoAsync("/cost-centres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Libraries" }).ClickAsync();
        await page.GetByLabel("Financial year (its first calendar year)").FillAsync("2027");
        await page.GetByLabel("Budget (£)").FillAsync("11650000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Budget for 2027/28 set to £11,650,000.00");
        await browser.AssertHealthyAsync(page, problems);

        await browser.SignInAsync(page, problems, "Sam Patel");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        var log = page.Locator("#audit tbody");
        await Assertions.Expect(log).ToContainTextAsync("David Okafor");
        await Assertions.Expect(log).ToContainTextAsync("offering.price.drafted");
        await Assertions.Expect(log).ToContainTextAsync("Tom Hughes");
        await Assertions.Expect(log).ToContainTextAsync("budget.set");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministratorIssuesATokenShownOnce_AndRevokesIt()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "Alex Morgan");
        await page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await browser.AssertHealthyAsync(page, problems);
        await page.GetByLabel("What it is for").FillAsync("Legal time recording");
        await page.GetByLabel("Role").SelectOptionAsync("provider-staff");
        await page.GetByLabel("Cost centre code (budget holders and providers)").FillAsync("S-LEG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token" }).ClickAsync();
        var secret = await page.Locator("#token-secret").InnerTextAsync();
        Assert.StartsWith("fs_", secret, StringComparison.Ordinal);
        await browser.AssertHealthyAsync(page, problems);

        await page.GotoAsync("/admin/tokens");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Legal time recording" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tokens tbody")).ToContainTextAsync("Revoked");
        await page.Context.CloseAsync();
    }
}
