using System.Net;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>
/// The real web app with its own settings and database, for a test whose limits or configuration must not
/// trouble the others (the shared <see cref="WebAppFixture"/> is configured as the tests in general need).
/// </summary>
public sealed class OwnApp : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fairshare-web-tests", Guid.NewGuid().ToString("N"));

    private OwnApp() { }

    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<OwnApp> StartAsync(string[] settings, Action<WebApplicationBuilder>? configure = null)
    {
        var own = new OwnApp();
        own.App = FairShareWebApp.Build(["--urls=http://127.0.0.1:0", $"--Database:DataFolder={own._data}", .. settings], configure);
        await FairShareWebApp.PrepareDatabaseAsync(own.App, TextWriter.Null);
        await own.App.StartAsync();
        own.BaseAddress = new Uri(own.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return own;
    }

    /// <summary>A browser-like client: its own cookies, no redirects followed.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
