using System.Net;
using System.Text.RegularExpressions;
using FairShare.Features.Demo;

namespace FairShare.Web.Tests;

/// <summary>The shell around every page: navigation by role, the home page's links, the phase banner, footer and help pages.</summary>
public sealed partial class SiteShellTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    public static TheoryData<string> DemoPeople() => [.. DemoCatalogue.People.Select(p => p.Email)];

    private HttpClient Anonymous() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };

    [Theory]
    [MemberData(nameof(DemoPeople))]
    public async Task EveryLinkOnTheHomePageAndInTheNavigation_Opens_ForEachDemoPerson(string email)
    {
        using var client = await web.SignedInAsync(email);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var links = Links(home).Where(l => !l.StartsWith("/openapi", StringComparison.Ordinal)).ToArray();
        Assert.Contains("/catalogue", links);
        var answers = new List<string>();
        foreach (var link in links)
        {
            using var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            answers.Add($"{link} {(int)response.StatusCode}");
        }
        Assert.All(answers, a => Assert.EndsWith(" 200", a, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("budget.holder@northshire.example", "/ /catalogue /catalogue/compare /cost-centres")]
    [InlineData("provider.manager@northshire.example", "/ /catalogue /catalogue/compare /cost-centres /recharge/import")]
    [InlineData("provider.staff@northshire.example", "/ /catalogue /catalogue/compare /cost-centres /recharge/import")]
    [InlineData("finance.officer@northshire.example", "/ /catalogue /catalogue/compare /cost-centres /organisation /suppliers /recharge")]
    [InlineData("vfm.panel@northshire.example", "/ /catalogue /catalogue/compare /cost-centres /suppliers")]
    [InlineData("auditor@northshire.example", "/ /catalogue /catalogue/compare /cost-centres /suppliers /recharge /audit")]
    [InlineData("supplier@brightline.example", "/ /catalogue /catalogue/compare")]
    [InlineData("admin@northshire.example", "/ /catalogue /catalogue/compare /cost-centres /organisation /suppliers /recharge /audit /admin/users /admin/tokens")]
    public async Task Navigation_ListsOnlyThePagesTheRoleMayOpen(string email, string expected)
    {
        using var client = await web.SignedInAsync(email);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var navigation = NavigationList().Match(home);
        Assert.True(navigation.Success, "the page has a service navigation list");
        Assert.Equal(expected, string.Join(' ', Links(navigation.Value)));
        Assert.Contains("govuk-js-service-navigation-toggle", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_HighlightsTheSection_AsThePageOrAsItsSection()
    {
        using var client = await web.SignedInAsync("finance.officer@northshire.example");
        var list = await client.GetStringAsync(new Uri("/cost-centres", UriKind.Relative));
        Assert.Matches("""<li class="govuk-service-navigation__item govuk-service-navigation__item--active">\s*<a class="govuk-service-navigation__link" href="/cost-centres" aria-current="page">""", list);
        var centres = Links(list).First(l => CostCentrePage().IsMatch(l));
        var detail = await client.GetStringAsync(new Uri(centres, UriKind.Relative));
        Assert.Matches("""href="/cost-centres" aria-current="true">\s*<strong class="govuk-service-navigation__active-fallback">Cost centres</strong>""", detail);
        Assert.Single(AriaCurrent().Matches(detail));
    }

    [Theory]
    [InlineData("/help", "Help")]
    [InlineData("/help/signing-in", "Signing in and roles")]
    [InlineData("/help/catalogue", "The catalogue")]
    [InlineData("/help/month-end", "Monthly recharge and month end")]
    [InlineData("/help/statements", "Statements")]
    [InlineData("/help/verify", "Checking the ledger and the audit log")]
    [InlineData("/help/feedback", "Give feedback or report a problem")]
    [InlineData("/accessibility", "Accessibility statement for FairShare")]
    [InlineData("/privacy", "Privacy")]
    [InlineData("/cookies", "Cookies")]
    public async Task HelpAndFooterPages_OpenWithoutSigningIn(string page, string heading)
    {
        using var client = Anonymous();
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1 class=\"govuk-heading-xl\">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-service-navigation__list", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("budget.holder@northshire.example")]
    public async Task EveryPage_HasThePhaseBanner_AndTheFooterLinks(string? email)
    {
        using var client = email is null ? Anonymous() : await web.SignedInAsync(email);
        var html = await client.GetStringAsync(new Uri(email is null ? "/sign-in" : "/catalogue", UriKind.Relative));
        Assert.Matches("""<strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>\s*<span class="govuk-phase-banner__text">This is a new service. <a class="govuk-link" href="/help/feedback">Help us improve it</a>.</span>""", html);
        foreach (var (href, text) in new[] { ("/accessibility", "Accessibility statement"), ("/privacy", "Privacy"), ("/cookies", "Cookies"), ("/help", "Help") })
        {
            Assert.Contains($"<a class=\"govuk-footer__link\" href=\"{href}\">{text}</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CookiesPage_NamesTheSignInAndAntiforgeryCookies_TheAppReallySets()
    {
        using var client = Anonymous();
        using var signInPage = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Contains(signInPage.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/sign-in");
        using var signIn = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "provider.staff@northshire.example",
            ["password"] = DemoCatalogue.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fairshare=", StringComparison.Ordinal));
        var cookies = await client.GetStringAsync(new Uri("/cookies", UriKind.Relative));
        Assert.Contains("<code>fairshare</code>", cookies, StringComparison.Ordinal);
        Assert.Contains("<code>.AspNetCore.Antiforgery.&hellip;</code>", cookies, StringComparison.Ordinal);
    }

    /// <summary>The local links of a piece of HTML, in order, once each (stylesheets and icons included).</summary>
    private static IEnumerable<string> Links(string html) => Href().Matches(html)
        .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
        .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
        .Distinct();

    [GeneratedRegex("href=\"([^\"#]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<ul class=\"govuk-service-navigation__list\" id=\"navigation\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex NavigationList();

    [GeneratedRegex("^/cost-centres/[0-9]+$")]
    private static partial Regex CostCentrePage();

    [GeneratedRegex("aria-current=")]
    private static partial Regex AriaCurrent();
}
