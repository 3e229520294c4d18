using System.Net;

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

        using var response = await client.GetAsync(new Uri("/recharge/run?period=2025-05", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The period chosen on the month end is the one the form would run, not some period of this year.
        Assert.Contains("<option value=\"2025-05\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/recharge?year=2025%2F26\" class=\"govuk-back-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmReachedForLastYearsPeriod_AsksAboutThatPeriod_NotAnError()
    {
        using var client = await web.SignedInAsync(Officer);
        using var response = await client.GetAsync(new Uri("/recharge/confirm/close?period=2025-05", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("is not a period of", html, StringComparison.Ordinal);
        Assert.Contains("Are you sure you want to close 2025-05?", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/recharge?year=2025%2F26\"", html, StringComparison.Ordinal);
    }
}
