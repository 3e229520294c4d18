using System.Net;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>A bad date on the audit search is the searcher's mistake, named, on every door: never a 500, never a silent empty list.</summary>
public sealed class AuditSearchTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    public static TheoryData<string, string, string> BadDates => new()
    {
        { "", "9999-12-31", "to" },
        { "9999-12-31", "", "from" },
        { "0001-01-01", "", "from" },
        { "", "1800-05-01", "to" },
        { "2026-13-01", "", "from" },
        { "", "2026-02-30", "to" },
        { "yesterday", "", "from" },
        { "", "2026-11-24T00:00", "to" },
        { "2026-11-24", "2026-11-01", "to" },
    };

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task ABadDate_OnTheApi_IsA400NamingTheField(string from, string to, string field)
    {
        using var auditor = await web.ApiClientAsync("NCC", Role.Auditor);
        using var response = await auditor.GetAsync(new Uri($"/api/audit?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task ABadDate_OnThePageAndItsExport_IsTheErrorSummaryLinkingToTheField(string from, string to, string field)
    {
        using var client = await web.SignedInAsync("auditor@northshire.example");
        foreach (var handler in new[] { "", "&handler=Export" })
        {
            using var response = await client.GetAsync(new Uri($"/audit?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}{handler}", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("<title>Error: Audit log", html, StringComparison.Ordinal);
            var id = field == "from" ? "From" : "To";
            Assert.Contains($"<a href=\"#{id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{System.Net.WebUtility.HtmlEncode(field == "from" ? from : to)}\"", html, StringComparison.Ordinal);
        }
    }
}
