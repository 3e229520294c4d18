using Microsoft.Playwright;

namespace FairShare.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class SiteShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task At320Pixels_TheMenuOpensTheNavigation_AndWideTablesScrollInsideTheirRegion()
    {
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "Tom Hughes");
        await page.SetViewportSizeAsync(320, 640);
        await browser.AssertHealthyAsync(page, problems);

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var catalogue = navigation.GetByRole(AriaRole.Link, new() { Name = "Catalogue", Exact = true });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(catalogue).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(catalogue).ToBeVisibleAsync();
        await browser.AssertHealthyAsync(page, problems);

        await catalogue.ClickAsync();
        await page.WaitForURLAsync("**/catalogue");
        await AssertNoSidewaysScrollAsync(page, "Offerings matching the filters");
        await browser.AssertHealthyAsync(page, problems);

        await menu.ClickAsync();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Cost centres" }).ClickAsync();
        await page.WaitForURLAsync("**/cost-centres");
        await AssertNoSidewaysScrollAsync(page, "Frontline cost centres");
        await browser.AssertHealthyAsync(page, problems);

        await menu.ClickAsync();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Month end" }).ClickAsync();
        await page.WaitForURLAsync("**/recharge");
        await AssertNoSidewaysScrollAsync(page, "Periods of 2026/27");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At320Pixels_AnOfferingsPriceHistory_AndACostCentresBudgets_ScrollInsideTheirRegion()
    {
        // Found by walking every role's pages at 320 px: the price history widened the page to 428 px.
        var (page, problems) = await browser.NewPageAsync();
        await browser.SignInAsync(page, problems, "David Okafor");
        await page.SetViewportSizeAsync(320, 640);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Monitoring Officer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Monitoring Officer");
        await AssertNoSidewaysScrollAsync(page, "Prices by financial year");
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Legal Services: budget and statement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Legal Services");
        await AssertNoSidewaysScrollAsync(page, "Budget by financial year");
        await browser.AssertHealthyAsync(page, problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HelpAndFooterPages_AreReachedByTheirLinks_WithoutSigningIn_AndPassAxe()
    {
        var (page, problems) = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await browser.AssertHealthyAsync(page, problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Help us improve it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Give feedback or report a problem");
        await browser.AssertHealthyAsync(page, problems);

        var footer = page.GetByRole(AriaRole.Contentinfo);
        foreach (var (link, heading) in new[]
        {
            ("Accessibility statement", "Accessibility statement for FairShare"),
            ("Privacy", "Privacy"),
            ("Cookies", "Cookies"),
        })
        {
            await footer.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await browser.AssertHealthyAsync(page, problems);
        }

        foreach (var (topic, heading) in new[]
        {
            ("Signing in and roles", "Signing in and roles"),
            ("The catalogue", "The catalogue"),
            ("Monthly recharge and month end", "Monthly recharge and month end"),
            ("Statements", "Statements"),
        })
        {
            await footer.GetByRole(AriaRole.Link, new() { Name = "Help", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Help");
            await browser.AssertHealthyAsync(page, problems);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = topic, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await browser.AssertHealthyAsync(page, problems);
        }
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Help" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Help");
        await page.Context.CloseAsync();
    }

    /// <summary>The page itself does not scroll sideways; the named table region does the scrolling if anything must.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page, string region)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        var wide = scrollWidth <= clientWidth ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !(e.parentElement && e.parentElement.closest('.fs-table-scroll')))"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(scrollWidth <= clientWidth, $"{page.Url} is {scrollWidth} px wide in a {clientWidth} px window: {wide}");
        var table = page.GetByRole(AriaRole.Region, new() { Name = region });
        await Assertions.Expect(table).ToHaveAttributeAsync("tabindex", "0");
        var box = await table.BoundingBoxAsync();
        Assert.True(box is not null && box.Width <= clientWidth, $"the region {region} fits the window");
    }
}
