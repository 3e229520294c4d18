using System.Net;
using System.Text;

namespace FairShare.Web.Tests;

/// <summary>Faults of the month-end pages found by walking them as a new finance officer would.</summary>
public class MonthEndPageTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private const string Officer = "finance.officer@northshire.example";

    [Fact]
    public async Task RunReachedFromLastYearsMonthEnd_OffersThatPeriod_AndLeadsBackToThatYear()
    {
        using var client = await web.SignedInAsync(Officer);
        var monthEnd = await client.GetStringAsync(new Uri("/recharge?year=2025", UriKind.Relative));
        Assert.Contains("href=\"/recharge/run?period=2025-05\"", monthEnd, StringComparison.Ordinal);

        var (status, html) = await ReadAsync(client, "/recharge/run?period=2025-05");
        Assert.Equal(HttpStatusCode.OK, status);
        // The period chosen on the month end is the one the form would run, not some period of this year.
        Assert.Contains("<option value=\"2025-05\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/recharge?year=2025%2F26\" class=\"govuk-back-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmReachedForLastYearsPeriod_AsksAboutThatPeriod_NotAnError()
    {
        using var client = await web.SignedInAsync(Officer);
        var (status, html) = await ReadAsync(client, "/recharge/confirm/close?period=2025-05");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("is not a period of", html, StringComparison.Ordinal);
        Assert.Contains("Are you sure you want to close 2025-05?", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/recharge?year=2025%2F26\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadImportRow_KeepsItsLineAndColumn_InTheErrorSummary()
    {
        using var client = await web.SignedInAsync(Officer);
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/recharge/import");
        const string csv = "recordId,date,buyer,offering,quantity,jobReference,recordedBy\n"
            + "2026-05-9001,2026-05-19,F-ADL,HR-ADV,8.2,JOB-1,walk\n"
            + "2026-05-9002,2026-05-20,F-ADL,HR-ADV,lots,JOB-2,walk\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("usage"), "Kind" },
            { new StringContent("utf-8"), "Encoding" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "usage.csv" },
        };
        using var response = await client.PostAsync(new Uri("/recharge/import", UriKind.Relative), form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Upload\">Line 3, quantity: 'lots':", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmForSomethingThatIsNotAPeriod_SaysSo_WithoutALinkToAMissingForm()
    {
        using var client = await web.SignedInAsync(Officer);
        var (status, html) = await ReadAsync(client, "/recharge/confirm/close?period=garbage");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("'garbage' is not a period of 2026/27", html, StringComparison.Ordinal);
        foreach (var target in System.Text.RegularExpressions.Regex.Matches(html, "govuk-error-summary__list[\\s\\S]*?</ul>").SelectMany(m =>
            System.Text.RegularExpressions.Regex.Matches(m.Value, "href=\"#([^\"]+)\"").Select(t => t.Groups[1].Value)))
        {
            Assert.Contains($"id=\"{target}\"", html, StringComparison.Ordinal);
        }
    }

    private static async Task<(HttpStatusCode Status, string Html)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
