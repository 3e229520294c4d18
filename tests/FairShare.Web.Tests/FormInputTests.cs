using System.Net;
using System.Text.RegularExpressions;

namespace FairShare.Web.Tests;

/// <summary>Faults found by submitting every form with bad input, and by opening each role's home page, as a newcomer would.</summary>
public partial class FormInputTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task APriceWithWordsForNumbers_KeepsWhatWasTyped_AndSaysWhichFieldByItsLabel()
    {
        var (status, html) = await PriceTheProviderManagersFirstOfferingAsync(new() { ["PriceYear"] = "next year", ["PriceModel"] = "pay-as-you-go", ["Rate"] = "12 pounds" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#PriceYear\">Enter the financial year in figures: 'next year' is not a number.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Rate\">Enter the rate in figures: '12 pounds' is not a number.</a>", html, StringComparison.Ordinal);
        // The words typed stay in the inputs; the year is not turned into 0 and then called out of range.
        Assert.Contains("id=\"PriceYear\" name=\"PriceYear\" inputmode=\"numeric\" value=\"next year\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Rate\" name=\"Rate\" inputmode=\"decimal\" value=\"12 pounds\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0 is outside the years kept", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APayAsYouGoPriceWithoutARate_SaysWhatToEnter()
    {
        var (status, html) = await PriceTheProviderManagersFirstOfferingAsync(new() { ["PriceYear"] = "2031", ["PriceModel"] = "pay-as-you-go" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<a href=\"#Rate\">Enter the rate: pay as you go pricing needs one.</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuppliersHome_LinksToEachOfItsOfferings()
    {
        using var client = await web.SignedInAsync("supplier@brightline.example");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var links = OfferingLink().Matches(home).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, links.Count);
        foreach (var link in links)
        {
            using var page = await client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    /// <summary>Posts the draft price form (its Prices page) of the first offering on the provider manager's home page, as the browser would.</summary>
    private async Task<(HttpStatusCode Status, string Html)> PriceTheProviderManagersFirstOfferingAsync(Dictionary<string, string> fields)
    {
        using var client = await web.SignedInAsync("provider.manager@northshire.example");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var offering = OfferingLink().Match(home).Groups[1].Value;
        fields["__RequestVerificationToken"] = await WebAppFixture.AntiforgeryTokenAsync(client, $"{offering}/prices");
        using var response = await client.PostAsync(new Uri($"{offering}/prices?handler=Draft", UriKind.Relative), new FormUrlEncodedContent(fields));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("<a class=\"govuk-link\" href=\"(/catalogue/\\d+)\">")]
    private static partial Regex OfferingLink();
}
