using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>
/// Every page and API endpoint, taken from the app's own route table, is called by the county's administrator
/// with the neighbour's ids: nothing of the neighbour may come back, and nothing of it may change. A new
/// endpoint is covered automatically; one whose parameters or form handlers this test cannot fill fails the
/// test until someone teaches it here.
/// </summary>
public sealed class TenantIsolationTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    /// <summary>Words that exist only in Westvale's private records.</summary>
    private static readonly string[] NeighbourSecrets =
        ["WB-HSG", "Housing Options", "WB-LEG-HSG", "Housing possession", "westvale.example", "harbour.example", "Harbour Facilities", "SUP-HARBOUR", "Westvale secret token"];

    /// <summary>Page form handlers the test knows how to post: page route → handler names.</summary>
    private static readonly Dictionary<string, string[]> PageHandlers = new()
    {
        ["/catalogue/{id:int}"] = ["ChargingClass"],
        ["/catalogue/{id:int}/prices"] = ["Draft", "Publish"],
        ["/catalogue/{id:int}/edit"] = [""],
        ["/catalogue/{id:int}/withdraw"] = [""],
        ["/catalogue/add"] = [""],
        ["/cost-centres/{id:int}"] = ["Budget", "Close", "ConfirmClose"],
        ["/organisation"] = ["Mapping"],
        ["/organisation/import"] = ["", "Apply"],
        ["/admin/tokens"] = ["Issue", "Revoke"],
        ["/admin/users/add"] = [""],
        ["/admin/users/import"] = ["Preview", "Apply"],
        ["/admin/users/{id:int}"] = ["Details", "AddRole", "RemoveRole", "Unlink", "ResetLink", "Enable"],
        ["/admin/users/{id:int}/disable"] = [""],
        ["/reset-password"] = [""],
        ["/account/password"] = [""],
        ["/recharge"] = ["Run", "Reverse", "Close", "Import"],
        ["/recharge/batches/{id:int}/sent"] = [""],
        ["/recharge/imports/{id:int}/withdraw"] = [""],
        ["/sign-in"] = [""],
        ["/sign-out"] = [""],
        ["/demo"] = [""],
        ["/status/{code:int}"] = [""],
        ["/suppliers"] = ["SelfService"],
        ["/suppliers/{code}"] = ["Rate"],
    };

    private sealed record Neighbour(int Offering, int CostCentre, int Token, int AuthorityId, int Import, int User);

    private async Task<Neighbour> NeighbourRecordsAsync()
    {
        var token = await web.IssueTokenAsync("WBC", Role.Auditor);
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var authority = await db.Authorities.SingleAsync(a => a.Code == "WBC");
        await db.Database.ExecuteSqlAsync($"UPDATE \"ApiTokens\" SET \"Name\" = 'Westvale secret token' WHERE \"Id\" = {token.Token.Id}");
        return new Neighbour(
            await db.Offerings.Where(o => o.Code == "WB-LEG-HSG").Select(o => o.Id).SingleAsync(),
            await db.CostCentres.Where(c => c.Code == "WB-HSG").Select(c => c.Id).SingleAsync(),
            token.Token.Id,
            authority.Id,
            await NeighbourImportAsync(),
            await db.UserAccounts.Where(u => u.Email == "auditor@westvale.example").Select(u => u.Id).SingleAsync());
    }

    /// <summary>An import of the neighbour's own (the demo gives it none), for the withdrawal to be tried on.</summary>
    private async Task<int> NeighbourImportAsync()
    {
        using var theirs = await web.ApiClientAsync("WBC", Role.FinanceOfficer);
        using var content = new StringContent("period,costCentre,driver,value\n2027-01,WB-HSG,isolation,3\n", System.Text.Encoding.UTF8, "text/csv");
        using var response = await theirs.PostAsync(new Uri("/api/imports/drivers?fileName=isolation.csv", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("batchId").GetInt32();
    }

    private async Task<(int Prices, int Budgets, int Tokens, int Audit, int ActiveTokens, int Records, int Withdrawn)> NeighbourStateAsync(int authorityId)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return (await db.OfferingPrices.CountAsync(p => p.AuthorityId == authorityId),
            await db.Budgets.CountAsync(b => b.AuthorityId == authorityId),
            await db.ApiTokens.CountAsync(t => t.AuthorityId == authorityId),
            await db.AuditEntries.CountAsync(a => a.AuthorityId == authorityId),
            await db.ApiTokens.CountAsync(t => t.AuthorityId == authorityId && t.RevokedAt == null),
            await db.DriverValues.CountAsync(d => d.AuthorityId == authorityId) + await db.CostActuals.CountAsync(c => c.AuthorityId == authorityId),
            await db.ImportBatches.CountAsync(b => b.AuthorityId == authorityId && b.WithdrawnAt != null));
    }

    private static string Fill(string pattern, Neighbour them)
    {
        var path = pattern;
        path = path.Replace("{code:int}", "404", StringComparison.Ordinal).Replace("{year:int}", "2026", StringComparison.Ordinal)
            .Replace("{category}", "Housing%20law", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{action}", "close", StringComparison.Ordinal)
            .Replace("{kind}", "usage", StringComparison.Ordinal)
            .Replace("{code}", pattern.Contains("suppliers", StringComparison.Ordinal) ? "SUP-HARBOUR" : "WB-LEG", StringComparison.Ordinal)
            .Replace("{name}", "isolation-probe", StringComparison.Ordinal);
        if (path.Contains("{id:int}", StringComparison.Ordinal))
        {
            var id = pattern.Contains("offering", StringComparison.Ordinal) || pattern.StartsWith("/catalogue/", StringComparison.Ordinal) ? them.Offering
                : pattern.Contains("cost-centres", StringComparison.Ordinal) || pattern.Contains("/statements/", StringComparison.Ordinal) ? them.CostCentre
                : pattern.Contains("tokens", StringComparison.Ordinal) ? them.Token
                : pattern.Contains("imports", StringComparison.Ordinal) ? them.Import
                : pattern.Contains("users", StringComparison.Ordinal) ? them.User
                : pattern.Contains("runs", StringComparison.Ordinal) || pattern.Contains("batches", StringComparison.Ordinal) ? them.CostCentre // the neighbour has posted no run; any id of theirs must not find one
                : throw new InvalidOperationException($"The isolation test does not know which of the neighbour's ids to put in {pattern}: teach it.");
            path = path.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The isolation test cannot fill the parameters of {pattern}: teach it.");
        }
        return path;
    }

    private static object? ApiBody(string method, string pattern) => (method, pattern) switch
    {
        ("POST", "/api/offerings/{id:int}/prices") => new { financialYear = 2040, model = "pay-as-you-go", rate = 1m },
        ("POST", "/api/offerings/{id:int}/prices/{year:int}/publish") => null,
        ("POST", "/api/offerings") => new { offering = new { code = "ISO-PROBE", name = "Isolation probe", category = "Housing law", unit = "case", provider = "WB-LEG" } },
        ("PUT", "/api/offerings/{id:int}") => new { name = "Isolation probe", category = "Housing law", unit = "case" },
        ("POST", "/api/offerings/{id:int}/withdraw") => new { },
        ("PUT", "/api/offerings/{id:int}/charging-class") => new { chargingClass = "pooled", fromPeriod = "2040-04" },
        ("PUT", "/api/cost-centres/{id:int}/budgets/{year:int}") => new { amount = 1m },
        ("POST", "/api/tokens") => new { name = "Isolation probe", role = "auditor", validDays = 1 },
        ("POST", "/api/users") => new { email = "isolation.probe@northshire.example", name = "Isolation probe", role = "auditor" },
        ("PUT", "/api/users/{id:int}") => new { name = "Isolation probe" },
        ("POST", "/api/users/{id:int}/disable" or "/api/users/{id:int}/enable" or "/api/users/{id:int}/reset-link") => new { },
        ("POST", "/api/users/import") => new { },
        ("POST", "/api/recharge/runs") => new { period = "2026-06", dryRun = true },
        ("POST", "/api/recharge/reverse" or "/api/recharge/close") => new { period = "2040-01" },
        ("POST", "/api/imports/{kind}") => new { },
        ("POST", "/api/imports/{id:int}/withdraw") => new { reason = "Isolation probe", dryRun = false },
        ("POST", "/api/organisation/import") => new { },
        ("PUT", "/api/organisation/mappings/{name}") => new { kind = "cost-centres", columns = "Cost Centre=code" },
        ("POST", "/api/cost-centres/{code}/close") => new { from = "2040-01-01" }, // the neighbour's code: not found here
        ("POST", "/api/usage") => new { records = Array.Empty<object>() },
        ("POST", "/api/journal/batches/{id:int}/sent") => new { ledgerReference = "isolation probe" },
        ("PUT", "/api/authority/two-people") => new { required = false }, // the caller's own authority, as it is: off
        ("POST", "/api/suppliers") => new { code = "ISO-PROBE", name = "Isolation probe", contractReference = "R", contractStart = "2026-04-01", contractEnd = "2027-03-31" },
        ("PUT", "/api/suppliers/{code}") => new { name = "Isolation probe", contractReference = "R", contractStart = "2026-04-01", contractEnd = "2027-03-31" },
        ("POST", "/api/suppliers/{code}/rates") => new { offeringCode = "ISO-PROBE", financialYear = 2026, rate = 1m, name = "Probe", category = "Probe", unit = "hour" },
        ("PUT", "/api/suppliers/self-service") => new { allowed = true }, // the caller's own authority, as it is: on
        ("GET" or "DELETE", _) => null,
        _ => throw new InvalidOperationException($"The isolation test does not know what to send to {method} {pattern}: teach it."),
    };

    [Fact]
    public async Task EveryEndpoint_CalledWithTheNeighboursIds_LeaksAndChangesNothing()
    {
        var them = await NeighbourRecordsAsync();
        var before = await NeighbourStateAsync(them.AuthorityId);
        using var api = await web.ApiClientAsync("NCC", Role.Administrator);
        using var browser = await web.SignedInAsync("admin@northshire.example");
        var endpoints = web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var exercised = new List<string>();

        foreach (var endpoint in endpoints.Where(e => e.RoutePattern.RawText?.Contains("{**", StringComparison.Ordinal) != true))
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods
                ?? (isPage && PageHandlers.ContainsKey(pattern) ? ["GET", "POST"] : ["GET"]);
            if (pattern is "/sign-out" or "/demo")
            {
                // Signing the probe out would end the test's session and reads nothing; the demo page lists the
                // demo accounts of both councils by design, and exists only on the embedded demo database.
                continue;
            }
            foreach (var method in methods)
            {
                var path = Fill(pattern, them);
                HttpResponseMessage response;
                if (isPage && method == "POST")
                {
                    foreach (var handler in PageHandlers[pattern].Where(h => h.Length > 0))
                    {
                        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, pattern.Contains('{', StringComparison.Ordinal) ? "/catalogue" : path);
                        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                        {
                            ["__RequestVerificationToken"] = token,
                            ["id"] = them.Token.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ["PriceYear"] = "2040",
                            ["PriceModel"] = "pay-as-you-go",
                            ["Rate"] = "1",
                            ["Publish"] = "2040",
                            ["NewClass"] = "pooled",
                            ["ClassFrom"] = "2040-04",
                            ["BudgetYear"] = "2040",
                            ["Amount"] = "1",
                            ["Name"] = "Isolation probe",
                            ["Role"] = "Auditor",
                            ["ValidDays"] = "1",
                        });
                        using var posted = await browser.PostAsync(new Uri($"{path}?handler={handler}", UriKind.Relative), form);
                        await AssertNothingLeaksAsync(posted, $"POST {path}?handler={handler}", pattern);
                        exercised.Add($"POST {pattern} {handler}");
                    }
                    continue;
                }
                var client = pattern.StartsWith("/api", StringComparison.Ordinal) ? api : browser;
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (!isPage && ApiBody(method, pattern) is { } body)
                {
                    request.Content = JsonContent.Create(body);
                }
                response = await client.SendAsync(request);
                await AssertNothingLeaksAsync(response, $"{method} {path}", pattern);
                response.Dispose();
                exercised.Add($"{method} {pattern}");
            }
        }

        Assert.True(exercised.Count >= 20, string.Join("\n", exercised));
        var after = await NeighbourStateAsync(them.AuthorityId);
        Assert.Equal(before, after);
    }

    private static async Task AssertNothingLeaksAsync(HttpResponseMessage response, string call, string pattern)
    {
        var body = await response.Content.ReadAsStringAsync();
        foreach (var secret in NeighbourSecrets)
        {
            Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{call} leaked '{secret}' of the neighbour.");
        }
        if (pattern.Contains("{id:int}", StringComparison.Ordinal) || pattern.Contains("{category}", StringComparison.Ordinal) || pattern.Contains("{code}", StringComparison.Ordinal))
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{call} answered {(int)response.StatusCode}, not 404, for the neighbour's record: {body[..Math.Min(body.Length, 3000)]}");
        }
        Assert.True((int)response.StatusCode < 500, $"{call} failed with {(int)response.StatusCode}.");
    }

    [Fact]
    public void EveryPageFormHandler_IsKnownToTheIsolationTest()
    {
        var handlers = typeof(FairShare.Web.Hosting.FairShareWebApp).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal)))
            .ToHashSet();
        var known = PageHandlers.Values.SelectMany(h => h).ToHashSet();
        Assert.Empty(handlers.Except(known));
    }
}
