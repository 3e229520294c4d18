using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FairShare.Web.Tests;

/// <summary>A clock stopped in November 2026, so "the current financial year" is 2026/27.</summary>

/// <summary>The real web app on a real Kestrel on 127.0.0.1, over a throwaway SQLite database holding the demo.</summary>
public sealed partial class WebAppFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fairshare-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _tokens = [];

    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An API client with an administrator's token of the county.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = FairShareWebApp.Build(
            ["--urls=http://127.0.0.1:0", $"--Database:DataFolder={_data}", "--FairShare:SignInAttemptsPerMinute=1000"],
            builder => builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero))));
        await FairShareWebApp.PrepareDatabaseAsync(App, TextWriter.Null);
        await App.StartAsync();
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = await ApiClientAsync("NCC", Role.Administrator);
    }

    /// <summary>An API client holding a fresh token for one role of one authority.</summary>
    public async Task<HttpClient> ApiClientAsync(string authority, Role role, string? scopeCode = null)
    {
        var key = $"{authority}/{role}/{scopeCode}";
        if (!_tokens.TryGetValue(key, out var secret))
        {
            secret = (await IssueTokenAsync(authority, role, scopeCode)).Secret;
            _tokens[key] = secret;
        }
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public async Task<IssuedApiToken> IssueTokenAsync(string authority, Role role, string? scopeCode = null, int validDays = 30)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tenant = (await services.GetRequiredService<ResolveTenant>().HandleAsync(new ResolveTenantRequest(authority))).Value;
        services.GetRequiredService<TenantContext>().Set(tenant, new Actor("test", "Test set-up", tenant.AuthorityId, [new RoleGrant(Role.Administrator)], "test"));
        var db = services.GetRequiredService<FairShareDbContext>();
        int? costCentre = null, supplier = null;
        if (scopeCode is not null && role == Role.Supplier)
        {
            supplier = await db.Suppliers.Where(s => s.AuthorityId == tenant.AuthorityId && s.Code == scopeCode).Select(s => s.Id).SingleAsync();
        }
        else if (scopeCode is not null)
        {
            costCentre = await db.CostCentres.Where(c => c.AuthorityId == tenant.AuthorityId && c.Code == scopeCode).Select(c => c.Id).SingleAsync();
        }
        return (await services.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiTokenRequest($"Test {role}", role, costCentre, supplier, validDays))).Value;
    }

    /// <summary>A browser-like client signed in through the demo page as one demo account (cookies and antiforgery as a browser does).</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var token = await AntiforgeryTokenAsync(client, "/demo");
        using var response = await client.PostAsync(new Uri("/demo", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["__RequestVerificationToken"] = token }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Demo sign-in as {email} answered {response.StatusCode}.");
        }
        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        return AntiforgeryField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
