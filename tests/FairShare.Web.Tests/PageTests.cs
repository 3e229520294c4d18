using System.Net;

namespace FairShare.Web.Tests;

public class PageTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/", "Support services for Northshire County Council")]
    [InlineData("/catalogue", "Catalogue")]
    [InlineData("/catalogue?category=Legal&providerType=external-supplier", "Litigation (Brightline Legal)")]
    [InlineData("/catalogue/compare?category=Payroll", "Payroll bureau (Westvale)")]
    [InlineData("/cost-centres", "Older People&#x27;s Services")]
    [InlineData("/lib/fairshare.css", "govuk")]
    public async Task Page_IsServed(string url, string expected)
    {
        using var client = await web.SignedInAsync("finance.officer@northshire.example");
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_WithABadFilter_Is400AndSaysWhich()
    {
        using var client = await web.SignedInAsync("finance.officer@northshire.example");
        using var response = await client.GetAsync(new Uri("/catalogue?chargingClass=free", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // The GOV.UK pattern: "Error: " in the title, the summary linking to the field, the message inline beside it.
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ChargingClass\">&#x27;free&#x27; is not one of tradeable, mandatory, corporate-core, pooled.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"ChargingClass-error\" class=\"govuk-error-message\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/catalogue/999999")]
    [InlineData("/cost-centres/999999")]
    [InlineData("/no-such-page")]
    public async Task UnknownPage_Is404WithAFriendlyPage(string url)
    {
        using var client = await web.SignedInAsync("finance.officer@northshire.example");
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_CountsCategoriesInEnglish()
    {
        using var client = await web.SignedInAsync("finance.officer@northshire.example");
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Matches(@" in \d+ categories for ", html);
        Assert.DoesNotContain("categorys", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_CountsEntriesInEnglish()
    {
        await web.IssueTokenAsync("NCC", Domain.Access.Role.Auditor);
        await web.IssueTokenAsync("NCC", Domain.Access.Role.Auditor);
        using var client = await web.SignedInAsync("auditor@northshire.example");
        var html = await client.GetStringAsync(new Uri("/audit", UriKind.Relative));
        Assert.Matches(@">\d+ entries</caption>", html);
        Assert.DoesNotContain("entrys", html, StringComparison.Ordinal);
    }
}
