using System.Net;
using System.Net.Sockets;
using FairShare.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace FairShare.Web.Tests;

/// <summary>Bad configuration stops start-up with one clear sentence and exit code 1, not a stack trace.</summary>
public class StartupTests
{
    private static async Task<(int Code, string Error)> StartAsync(params string[] args)
    {
        var data = Path.Combine(Path.GetTempPath(), "fairshare-web-tests", Guid.NewGuid().ToString("N"));
        using var stderr = new StringWriter();
        var code = await FairShareWebApp.RunAsync([$"--Database:DataFolder={data}", .. args], TextWriter.Null, stderr);
        return (code, stderr.ToString().Trim());
    }

    [Fact]
    public async Task UnknownDatabaseProvider_StopsWithOneSentence()
    {
        var (code, error) = await StartAsync("--Database:Provider=Oracle", "--urls=http://127.0.0.1:0");
        Assert.Equal(1, code);
        Assert.Equal("FairShare cannot start: Database:Provider is 'Oracle', which FairShare does not know; use Sqlite or Postgres.", error);
    }

    [Fact]
    public async Task UnreachablePostgres_StopsWithOneSentence()
    {
        var (code, error) = await StartAsync("--Database:Provider=Postgres",
            "--Database:ConnectionString=Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", "--urls=http://127.0.0.1:0");
        Assert.Equal(1, code);
        Assert.StartsWith("FairShare cannot start: Cannot reach the PostgreSQL database:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUse_StopsWithOneSentence()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (code, error) = await StartAsync($"--FairShare:Port={port}");
        Assert.Equal(1, code);
        Assert.StartsWith("FairShare cannot start: the address is already in use", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
    }

    /// <summary>The web project's own appsettings.json, as the app reads it at start-up.</summary>
    private static IConfigurationBuilder ShippedSettings()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "FairShare.slnx")))
        {
            folder = folder.Parent!;
        }
        return new ConfigurationBuilder().AddJsonFile(Path.Combine(folder.FullName, "src", "FairShare.Web", "appsettings.json"));
    }

    [Fact]
    public void FairShareData_ChoosesTheDataFolder_WhenNothingElseDoes()
    {
        // The README and the CLI promise FAIRSHARE_DATA; a default in appsettings.json used to win over it.
        var options = FairShareWebApp.DatabaseOptionsFrom(ShippedSettings().Build(), "/tmp/walk-throwaway");
        Assert.Equal("/tmp/walk-throwaway", options.DataFolder);
    }

    [Fact]
    public void DataFolderOnTheCommandLine_WinsOverFairShareData()
    {
        var configuration = ShippedSettings().AddCommandLine(["--Database:DataFolder=/tmp/chosen"]).Build();
        Assert.Equal("/tmp/chosen", FairShareWebApp.DatabaseOptionsFrom(configuration, "/tmp/walk-throwaway").DataFolder);
        Assert.Equal("data", FairShareWebApp.DatabaseOptionsFrom(ShippedSettings().Build(), null).DataFolder);
    }
}
