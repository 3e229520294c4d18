using System.Net;
using System.Text.RegularExpressions;

namespace FairShare.Web.Tests;

/// <summary>
/// Behind a TLS proxy the app sees plain HTTP from the proxy; it believes the proxy's <c>X-Forwarded-Proto</c> (and so
/// marks its cookies Secure) only when the proxy is one it was told of. Anyone else's header is ignored.
/// </summary>
public sealed partial class ForwardedHeadersTests
{
    /// <summary>Signs in through the demo page as a browser behind a TLS proxy would, and returns the cookies the app set.</summary>
    private static async Task<IReadOnlyList<string>> SignInBehindTlsAsync(OwnApp app)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/demo", UriKind.Relative));
        get.Headers.Add("X-Forwarded-Proto", "https");
        get.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var page = await client.SendAsync(get);
        var antiforgery = page.Headers.GetValues("Set-Cookie").ToList();
        var token = Field().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/demo", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "auditor@northshire.example", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("X-Forwarded-For", "203.0.113.7");
        post.Headers.Add("Cookie", string.Join("; ", antiforgery.Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return [.. antiforgery, .. signedIn.Headers.GetValues("Set-Cookie")];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Field();

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static string Named(IReadOnlyList<string> cookies, string prefix) => cookies.Single(c => c.StartsWith(prefix, StringComparison.Ordinal));

    [Theory]
    [InlineData("--FairShare:KnownProxies:0=127.0.0.1")]
    [InlineData("--FairShare:KnownNetworks:0=127.0.0.0/8")]
    public async Task FromAConfiguredProxy_TheForwardedSchemeIsBelieved_AndCookiesAreSecure(string setting)
    {
        await using var app = await OwnApp.StartAsync([setting]);
        var cookies = await SignInBehindTlsAsync(app);
        Assert.True(IsSecure(Named(cookies, "fairshare=")), Named(cookies, "fairshare="));
        Assert.True(IsSecure(Named(cookies, ".AspNetCore.Antiforgery.")), Named(cookies, ".AspNetCore.Antiforgery."));
    }

    [Fact]
    public async Task FromAnUnconfiguredSource_TheForwardedHeadersAreIgnored()
    {
        await using var app = await OwnApp.StartAsync(["--FairShare:KnownProxies:0=192.0.2.10"]);
        var cookies = await SignInBehindTlsAsync(app);
        Assert.False(IsSecure(Named(cookies, "fairshare=")), Named(cookies, "fairshare="));
    }

    [Fact]
    public async Task WithNoProxyConfigured_TheForwardedHeadersAreIgnored_EvenFromLoopback()
    {
        await using var app = await OwnApp.StartAsync([]);
        var cookies = await SignInBehindTlsAsync(app);
        Assert.False(IsSecure(Named(cookies, "fairshare=")), Named(cookies, "fairshare="));
    }
}
