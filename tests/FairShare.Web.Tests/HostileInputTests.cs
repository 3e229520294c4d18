using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FairShare.Domain.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>
/// Every API endpoint and every page, taken from the app's own route table, is sent absurd and hostile values, one
/// field at a time: out-of-range years and periods, amounts beyond every bound, huge and tiny numbers, text of the
/// wrong shape, control characters, a megabyte of text. Each must be answered as the caller's mistake — a 400 naming
/// the field (ProblemDetails on the API, the GOV.UK error summary on a page), or a 404, 403 or 409 — never a 500.
/// A new endpoint or a new field is covered without being listed here.
/// </summary>
public sealed partial class HostileInputTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    /// <summary>What a person or a program might put in any text box, query string or route segment.</summary>
    public static readonly string[] HostileText =
    [
        "", " ", "0", "-1", "99999", "-99999", "2147483648", "-2147483649", "99999999999999999999999999999999",
        "1e20", "1e400", "-1e400", "NaN", "Infinity", "0.000000000000000000000000000001", "1,000", "£5",
        "0001-05", "1899-12", "9999-12", "2026-13", "2026-00", "2026/27-P14", "2026/27-P0", "99999/00-P13", "2026/27-p13",
        "0001-01-01", "9999-12-31", "1800-05-01", "2026-02-30", "2026-11-24T00:00", "yesterday",
        "Bogus", "7", "true", "null", "<script>alert(1)</script>", "'; DROP TABLE \"Usage\"; --", "../../etc/passwd",
        "=HYPERLINK(\"http://x\")", "a\u0000b", "\u202Eevil", "\uFFFD", new string('x', 100_000),
    ];

    /// <summary>The same, as JSON values (numbers beyond decimal and double, wrong types, nesting).</summary>
    private static readonly string[] HostileJson =
    [
        "null", "true", "0", "-1", "2147483648", "-2147483649", "1e20", "1e308", "-1e308", "1e400",
        "79228162514264337593543950336", "0.0000000000000000000000000000001", "99999", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]",
        .. HostileText.Select(t => JsonSerializer.Serialize(t)),
    ];

    private static readonly Role[] RolesToTry = [Role.FinanceOfficer, Role.Administrator, Role.Auditor, Role.ValueForMoneyPanel, Role.ProviderStaff, Role.BudgetHolder];

    private static readonly string[] PeopleToTry =
        ["finance.officer@northshire.example", "admin@northshire.example", "auditor@northshire.example"];

    /// <summary>A well-formed body per API operation, so each of its fields can be spoiled alone.</summary>
    private static string? ValidBody(string method, string pattern) => (method, pattern) switch
    {
        ("POST", "/api/offerings/{id:int}/prices") => """{"financialYear":2027,"model":"pay-as-you-go","rate":1}""",
        ("POST", "/api/offerings/{id:int}/prices/{year:int}/publish") => null,
        ("POST", "/api/offerings") => """{"offering":{"code":"PROBE-1","name":"Probe","category":"Legal","unit":"hour","provider":"S-LEG","noticeMonths":1},"price":{"financialYear":2027,"model":"pay-as-you-go","rate":1}}""",
        ("PUT", "/api/offerings/{id:int}") => """{"name":"Probe","category":"Legal","unit":"hour","noticeMonths":1,"respondWithinWorkingDays":1,"completeWithinWorkingDays":2,"hoursOfCover":"9 to 5"}""",
        ("POST", "/api/offerings/{id:int}/withdraw") => """{"from":"2040-01-01"}""",
        ("PUT", "/api/offerings/{id:int}/charging-class") => """{"chargingClass":"pooled","fromPeriod":"2040-04"}""",
        ("PUT", "/api/cost-centres/{id:int}/budgets/{year:int}") => """{"amount":1}""",
        ("POST", "/api/tokens") => """{"name":"Probe","role":"auditor","validDays":1}""",
        ("POST", "/api/users") => """{"email":"hostile.probe@northshire.example","name":"Probe","role":"auditor"}""",
        ("PUT", "/api/users/{id:int}") => """{"name":"Probe","roles":[{"role":"auditor"}]}""",
        ("POST", "/api/users/{id:int}/disable" or "/api/users/{id:int}/enable" or "/api/users/{id:int}/reset-link") => null,
        ("POST", "/api/users/import") => "email,name,role,scope_code\n",
        ("POST", "/api/recharge/runs") => """{"period":"2026-06","dryRun":true}""",
        ("POST", "/api/recharge/reverse" or "/api/recharge/close") => """{"period":"2026-06"}""",
        ("POST", "/api/usage") => """{"records":[{"recordId":"probe-1","date":"2026-11-02","buyer":"F-LIB","offering":"LEG-HRS","quantity":1,"jobReference":"J1","recordedBy":"Probe"}],"correction":false}""",
        ("POST", "/api/journal/batches/{id:int}/sent") => """{"ledgerReference":"probe"}""",
        ("PUT", "/api/authority/two-people") => """{"required":false}""",
        ("POST", "/api/imports/{id:int}/withdraw") => """{"reason":"probe","dryRun":true}""",
        ("POST", "/api/suppliers") or ("PUT", "/api/suppliers/{code}") =>
            """{"code":"PROBE","name":"Probe","description":"x","contractReference":"R1","contractStart":"2026-04-01","contractEnd":"2027-03-31"}""",
        ("POST", "/api/suppliers/{code}/rates") => """{"offeringCode":"PROBE-1","financialYear":2026,"rate":1,"name":"Probe","category":"Probe","unit":"hour"}""",
        ("PUT", "/api/suppliers/self-service") => """{"allowed":true}""",
        ("POST", "/api/imports/{kind}") => "record_id,date,buyer,offering,quantity,job_reference,recorded_by\n",
        ("POST", "/api/organisation/import") => "code,name,kind,directorate\nPROBE-1,Probe,frontline,RES\n",
        ("PUT", "/api/organisation/mappings/{name}") => """{"kind":"cost-centres","columns":"Cost Centre=code;Description=name","dateFormat":"dd/MM/yyyy"}""",
        ("POST", "/api/cost-centres/{code}/close") => """{"from":"2040-01-01"}""",
        ("GET" or "DELETE", _) => null,
        _ => throw new InvalidOperationException($"The hostile-input test does not know a valid body for {method} {pattern}: teach it."),
    };

    /// <summary>Route values that exist in the county's demo, so the probe reaches the handler's checks.</summary>
    private static string Fill(string pattern, IReadOnlyDictionary<string, string>? spoilt = null) =>
        RouteParameter().Replace(pattern, m =>
        {
            var name = m.Groups[1].Value;
            if (spoilt is not null && spoilt.TryGetValue(name, out var value))
            {
                return Uri.EscapeDataString(value);
            }
            return name switch
            {
                "id" => "1",
                "year" => "2026",
                "code" => "404",
                "category" => "Legal",
                "kind" => "usage",
                "documentName" => "v1",
                "action" => "close",
                "name" => "probe-mapping",
                _ => throw new InvalidOperationException($"The hostile-input test cannot fill {{{name}}} in {pattern}: teach it."),
            };
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    private sealed record Probe(string Call, HttpStatusCode Status, string Body);

    private static bool Acceptable(Probe probe, bool api)
    {
        var status = (int)probe.Status;
        if (status >= 500 || status == 0)
        {
            return false;
        }
        if (probe.Status != HttpStatusCode.BadRequest)
        {
            return true;
        }
        if (probe.Body.Length == 0 && probe.Call.Contains("%00", StringComparison.Ordinal) && !probe.Call.Contains('?', StringComparison.Ordinal))
        {
            return true; // Kestrel itself refuses a NUL in a request's path, before the app sees it
        }
        if (!api)
        {
            return probe.Body.Contains("govuk-error-summary", StringComparison.Ordinal) || probe.Body.Contains("govuk-heading", StringComparison.Ordinal);
        }
        try
        {
            var problem = JsonDocument.Parse(probe.Body).RootElement;
            return (problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.Length > 0))
                || (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 });
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<Probe> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Probe($"{method} {(path.Length > 200 ? path[..200] + "…" : path)}", response.StatusCode, body);
    }

    private static IEnumerable<RouteEndpoint> Endpoints(WebAppFixture web) =>
        web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("{**", StringComparison.Ordinal) != true);

    private static string PatternOf(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>An API client whose role may call the operation (so the probe gets past authorisation), with a token of its own (each token has its own rate limit).</summary>
    private async Task<HttpClient?> ClientThatMayCallAsync(HttpMethod method, string pattern, string? body)
    {
        foreach (var role in RolesToTry)
        {
            var token = await web.IssueTokenAsync("NCC", role, role is Role.ProviderStaff ? "S-LEG" : role is Role.BudgetHolder ? "F-LIB" : null);
            var client = new HttpClient { BaseAddress = web.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
            var probe = await SendAsync(client, method, Fill(pattern), Content(pattern, body));
            if (probe.Status is not HttpStatusCode.Forbidden and not HttpStatusCode.Unauthorized)
            {
                return client;
            }
            client.Dispose();
        }
        return null;
    }

    /// <summary>Whether the body is a file (CSV), not JSON.</summary>
    private static bool IsFileBody(string pattern) => pattern is "/api/imports/{kind}" or "/api/organisation/import" or "/api/users/import";

    private static StringContent? Content(string pattern, string? body) => body is null ? null
        : IsFileBody(pattern) ? new StringContent(body, Encoding.UTF8, "text/csv")
        : new StringContent(body, Encoding.UTF8, "application/json");

    /// <summary>The body with one field (or one field of its first record) replaced by a hostile JSON value.</summary>
    private static IEnumerable<(string Field, string Body)> SpoiltBodies(string body)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        foreach (var (name, value) in root.ToList())
        {
            foreach (var hostile in HostileJson)
            {
                var copy = root.DeepClone().AsObject();
                copy[name] = JsonNode.Parse(hostile);
                yield return (name, copy.ToJsonString());
            }
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
            {
                foreach (var (inner, _) in first.ToList())
                {
                    foreach (var hostile in HostileJson)
                    {
                        var copy = root.DeepClone().AsObject();
                        copy[name]![0]![inner] = JsonNode.Parse(hostile);
                        yield return ($"{name}[0].{inner}", copy.ToJsonString());
                    }
                }
            }
        }
        yield return ("(body)", "not json");
        yield return ("(body)", "[]");
        yield return ("(body)", "");
    }

    [Fact]
    public async Task EveryApiEndpoint_GivenHostileValuesInEveryField_AnswersAsTheCallersMistake_NeverA500()
    {
        var bad = new List<string>();
        var tried = 0;
        foreach (var endpoint in Endpoints(web).Where(e => PatternOf(e).StartsWith("/api/", StringComparison.Ordinal)))
        {
            var pattern = PatternOf(endpoint);
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var verb = new HttpMethod(method);
                var body = ValidBody(method, pattern);
                using var client = await ClientThatMayCallAsync(verb, pattern, body);
                if (client is null)
                {
                    continue; // no role may call it (none of the demo's roles): nothing to probe past authorisation
                }
                var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var queryNames = handler?.GetParameters()
                    .Where(p => p.Name is not null && !routeNames.Contains(p.Name) && IsSimple(p.ParameterType))
                    .Select(p => p.Name!).ToList() ?? [];
                foreach (var value in HostileText)
                {
                    foreach (var route in routeNames)
                    {
                        tried++;
                        bad.AddRange(Judge(await SendAsync(client, verb, Fill(pattern, new Dictionary<string, string> { [route] = value }), Content(pattern, body)), true));
                    }
                    foreach (var query in queryNames)
                    {
                        tried++;
                        bad.AddRange(Judge(await SendAsync(client, verb, $"{Fill(pattern)}?{query}={Uri.EscapeDataString(value)}", Content(pattern, body)), true));
                    }
                }
                if (body is not null && !IsFileBody(pattern))
                {
                    foreach (var (field, spoilt) in SpoiltBodies(body))
                    {
                        tried++;
                        var probe = await SendAsync(client, verb, Fill(pattern), Content(pattern, spoilt));
                        bad.AddRange(Judge(probe with { Call = $"{probe.Call} {field}={Shorten(spoilt)}" }, true));
                    }
                }
            }
        }
        Assert.True(tried > 1_000, $"only {tried} hostile requests were made");
        Assert.True(bad.Count == 0, $"{bad.Count} of {tried} hostile requests were not answered as the caller's mistake:\n{string.Join("\n", bad.Distinct().Take(60))}");
    }

    [Fact]
    public async Task EveryPage_GivenHostileValuesInEveryQueryAndFormField_AnswersAsTheUsersMistake_NeverA500()
    {
        var people = new List<HttpClient>();
        foreach (var email in PeopleToTry)
        {
            people.Add(await web.SignedInAsync(email));
        }
        var bad = new List<string>();
        var tried = 0;
        try
        {
            foreach (var endpoint in Endpoints(web))
            {
                var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
                var pattern = PatternOf(endpoint);
                if (page is null || pattern is "/sign-out" or "/demo" or "/sign-in")
                {
                    continue; // signing the probe out ends its sessions; the sign-in pages have tests of their own
                }
                var model = ModelOf(page);
                HttpClient? client = null;
                foreach (var person in people)
                {
                    var first = await SendAsync(person, HttpMethod.Get, Fill(pattern), null);
                    if (first.Status is not HttpStatusCode.Forbidden)
                    {
                        client = person;
                        break;
                    }
                }
                if (client is null)
                {
                    continue;
                }
                var getFields = model.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true }).Select(FormName)
                    .Concat(model.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)).SelectMany(m => m.GetParameters())
                        .Where(p => p.Name is not null && IsSimple(p.ParameterType)).Select(p => p.Name!))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var getHandlers = model.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal))
                    .Select(m => HandlerName(m.Name, "OnGet")).DefaultIfEmpty("").Distinct().ToList();
                var postFields = model.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null).Select(FormName)
                    .Concat(model.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).SelectMany(m => m.GetParameters())
                        .Where(p => p.Name is not null && IsSimple(p.ParameterType)).Select(p => p.Name!))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var postHandlers = model.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                    .Select(m => HandlerName(m.Name, "OnPost")).Distinct().ToList();

                foreach (var value in HostileText)
                {
                    foreach (var handler in getHandlers)
                    {
                        foreach (var field in getFields.Prepend(null))
                        {
                            var query = field is null ? "" : $"{field}={Uri.EscapeDataString(value)}";
                            var path = $"{Fill(pattern)}?{(handler.Length > 0 ? $"handler={handler}&" : "")}{query}";
                            tried++;
                            bad.AddRange(Judge(await SendAsync(client, HttpMethod.Get, path, null), false));
                        }
                    }
                    foreach (var route in endpoint.RoutePattern.Parameters.Select(p => p.Name))
                    {
                        tried++;
                        bad.AddRange(Judge(await SendAsync(client, HttpMethod.Get, Fill(pattern, new Dictionary<string, string> { [route] = value }), null), false));
                    }
                }
                foreach (var handler in postHandlers)
                {
                    var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/catalogue"); // a token is for the person, not the page
                    foreach (var field in postFields)
                    {
                        foreach (var value in HostileText)
                        {
                            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, [field] = value };
                            using var content = new FormUrlEncodedContent(form);
                            tried++;
                            var probe = await SendAsync(client, HttpMethod.Post, $"{Fill(pattern)}{(handler.Length > 0 ? $"?handler={handler}" : "")}", content);
                            bad.AddRange(Judge(probe with { Call = $"{probe.Call} {field}={Shorten(value)}" }, false));
                        }
                    }
                }
            }
        }
        finally
        {
            people.ForEach(p => p.Dispose());
        }
        Assert.True(tried > 1_000, $"only {tried} hostile requests were made");
        Assert.True(bad.Count == 0, $"{bad.Count} of {tried} hostile requests were not answered as the user's mistake:\n{string.Join("\n", bad.Distinct().Take(60))}");
    }

    private static IEnumerable<string> Judge(Probe probe, bool api) =>
        Acceptable(probe, api) ? [] : [$"{probe.Call} → {(int)probe.Status}: {Shorten(probe.Body)}"];

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t == typeof(decimal) || t == typeof(DateOnly) || t.IsEnum;
    }

    private static string FormName(PropertyInfo property) => property.GetCustomAttribute<BindPropertyAttribute>()?.Name ?? property.Name;

    private static string HandlerName(string method, string prefix) =>
        method[prefix.Length..].Replace("Async", "", StringComparison.Ordinal);

    /// <summary>The page's model class by the project's naming (Pages/Catalogue/Index.cshtml → Pages.Catalogue.IndexModel); a page without one binds nothing.</summary>
    private static Type ModelOf(Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor page)
    {
        var relative = page.RelativePath.Replace("/Pages/", "", StringComparison.Ordinal).Replace(".cshtml", "", StringComparison.Ordinal).TrimStart('/');
        var parts = relative.Split('/');
        var name = $"FairShare.Web.Pages.{string.Join('.', parts[..^1].Append(parts[^1] + "Model"))}";
        return typeof(FairShare.Web.Hosting.FairShareWebApp).Assembly.GetType(name) ?? typeof(PageModel);
    }
}
