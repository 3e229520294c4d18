using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

public class ApiTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> GetAsync(string url)
    {
        using var response = await web.Client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private static IEnumerable<JsonElement> Offerings(JsonElement listing) => listing.GetProperty("offerings").EnumerateArray();

    [Theory]
    [InlineData("category=Payroll", "category", "Payroll")]
    [InlineData("providerType=neighbouring-authority", "providerType", "neighbouring-authority")]
    [InlineData("chargingClass=pooled", "chargingClass", "pooled")]
    [InlineData("pricingModel=fixed-fee-plus-driver", "pricingModel", "fixed-fee-plus-driver")]
    public async Task Offerings_Filtered_ReturnOnlyMatchingOfferings(string query, string property, string expected)
    {
        var (status, body, _) = await GetAsync($"/api/offerings?{query}");
        Assert.Equal(HttpStatusCode.OK, status);
        var offerings = Offerings(body).ToList();
        Assert.NotEmpty(offerings);
        Assert.All(offerings, o => Assert.Equal(expected, o.GetProperty(property).GetString()));
    }

    [Fact]
    public async Task Offerings_Search_FindsEveryLegalAdviceAlternative()
    {
        var (_, body, _) = await GetAsync("/api/offerings?search=legal%20advice");
        Assert.Equal(["BL-ADV", "LEG-ADV", "WB-LEG-ADV"], Offerings(body).Select(o => o.GetProperty("code").GetString()).Order());
    }

    [Theory]
    [InlineData("/api/offerings?providerType=council", "providerType", "'council' is not one of internal, neighbouring-authority, external-supplier.")]
    [InlineData("/api/offerings?chargingClass=free", "chargingClass", "'free' is not one of tradeable, mandatory, corporate-core, pooled.")]
    [InlineData("/api/offerings?pricingModel=barter", "pricingModel", "'barter' is not one of pay-as-you-go, subscription, fixed-fee-plus-driver, quoted.")]
    [InlineData("/api/offerings?year=last", "year", "'last' is not a financial year; give its first calendar year, e.g. 2026 for 2026/27.")]
    [InlineData("/api/cost-centres?kind=secret", "kind", "'secret' is not one of frontline, support, corporate-and-democratic-core, non-distributed-costs.")]
    [InlineData("/api/comparisons/Legal?year=1066", "year", "'1066' is not a financial year; give its first calendar year, e.g. 2026 for 2026/27.")]
    public async Task BadFilter_Is400_NamingTheParameterAndWhy(string url, string parameter, string reason)
    {
        var (status, body, contentType) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(reason, body.GetProperty("errors").GetProperty(parameter)[0].GetString());
        Assert.Contains($"{parameter}: {reason}", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/offerings/999999", "There is no offering 999999.")]
    [InlineData("/api/cost-centres/999999", "There is no cost centre 999999.")]
    [InlineData("/api/comparisons/Astrology", "There is no category 'Astrology' in the catalogue.")]
    public async Task UnknownId_Is404ProblemDetails(string url, string detail)
    {
        var (status, body, contentType) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(detail, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Offering_ById_HasPriceHistoryAndServiceLevels()
    {
        var (_, listing, _) = await GetAsync("/api/offerings?search=PAY-SCH");
        var id = Offerings(listing).Single().GetProperty("id").GetInt32();
        var (status, offering, _) = await GetAsync($"/api/offerings/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Fixed fee plus driver: £466.14 plus £1.14 per pupil.", offering.GetProperty("summary").GetProperty("price").GetString());
        Assert.Equal(2, offering.GetProperty("priceHistory").GetArrayLength());
    }

    [Fact]
    public async Task AnotherAuthoritysCostCentre_Is404()
    {
        var (_, centres, _) = await GetAsync("/api/cost-centres");
        var ownIds = centres.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToHashSet();
        var foreignId = Enumerable.Range(1, ownIds.Max() + 20).First(id => !ownIds.Contains(id) && id > ownIds.Min());
        var (status, _, _) = await GetAsync($"/api/cost-centres/{foreignId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task CostCentres_CarryBudgetsAsExactStrings()
    {
        var (_, centres, _) = await GetAsync("/api/cost-centres?kind=frontline");
        var olderPeople = centres.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "F-OP");
        Assert.Equal("182000000.00", olderPeople.GetProperty("budget").GetString());
        Assert.All(centres.EnumerateArray(), c => Assert.Equal("frontline", c.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Authorities_ListsBothDemoCouncils()
    {
        var (_, body, _) = await GetAsync("/api/authorities");
        Assert.Equal(["NCC", "WBC"], body.EnumerateArray().Select(a => a.GetProperty("code").GetString()).Order());
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryApiEndpoint()
    {
        var (status, document, _) = await GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var routed = web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.RawText?.Contains("{**", StringComparison.Ordinal) != true) // the 404 for unknown paths, not an endpoint
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))
            .ToHashSet();
        Assert.True(routed.Count >= 6);
        Assert.Equal(routed.Order(), documented.Order());
    }

    private const string RoleWords = "budget-holder, provider-manager, provider-staff, finance-officer, value-for-money-panel, auditor, supplier, administrator";

    [Theory]
    [InlineData("\"7\"", "7")]
    [InlineData("7", "7")]
    [InlineData("\"99\"", "99")]
    [InlineData("-1", "-1")]
    [InlineData("\"auditor, supplier\"", "auditor, supplier")]
    [InlineData("\"Auditor\"", "Auditor")]
    [InlineData("\"\"", "")]
    [InlineData("true", "true")]
    public async Task PostToken_WithARoleThatIsNotOneOfItsWords_Is400NamingTheFieldAndTheWords_AndIssuesNothing(string role, string given)
    {
        var before = (await GetAsync("/api/tokens")).Body.GetArrayLength();
        using var content = new StringContent($$"""{"name": "Numbered role", "role": {{role}}, "validDays": 1}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await web.Client.PostAsync(new Uri("/api/tokens", UriKind.Relative), content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var reason = $"'{given}' is not one of {RoleWords}.";
        Assert.Equal(reason, body.GetProperty("errors").GetProperty("role")[0].GetString());
        Assert.Equal($"role: {reason}", body.GetProperty("detail").GetString());
        Assert.Equal(before, (await GetAsync("/api/tokens")).Body.GetArrayLength());
    }

    [Fact]
    public async Task PostToken_WithARolesWord_IssuesIt()
    {
        using var content = new StringContent("""{"name": "Worded role", "role": "auditor", "validDays": 1}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await web.Client.PostAsync(new Uri("/api/tokens", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("auditor", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetProperty("role").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_GivesARolesWords()
    {
        var (_, document, _) = await GetAsync("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var role = schemas.GetProperty("IssueApiTokenRequest").GetProperty("properties").GetProperty("role");
        if (role.TryGetProperty("$ref", out var reference))
        {
            role = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        Assert.Equal(RoleWords.Split(", "), role.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
