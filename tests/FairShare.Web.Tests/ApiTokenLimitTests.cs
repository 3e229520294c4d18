using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FairShare.Web.Tests;

/// <summary>Guessing API tokens from one address is limited, however many different tokens it tries.</summary>
public sealed class ApiTokenLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private OwnApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await OwnApp.StartAsync(["--FairShare:ApiTokenFailuresPerMinute=5"], builder => builder.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> CallWithAsync(string secret)
    {
        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.GetAsync(new Uri("/api/me", UriKind.Relative));
    }

    private static string Bogus() => "fs_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AFreshBogusTokenEachTime_IsLimitedPerAddress_With429ProblemDetailsAndRetryAfter()
    {
        for (var i = 0; i < 5; i++)
        {
            using var refused = await CallWithAsync(Bogus());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await CallWithAsync(Bogus());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Too many", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var wait = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // The window passes: the address may try again (and is refused for the bad token, not limited).
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var later = await CallWithAsync(Bogus());
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
    }
}
