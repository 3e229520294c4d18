using System.Net.Sockets;
using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Persistence;
using FairShare.Web.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;

namespace FairShare.Web.Hosting;

/// <summary>Builds and runs the web app. The web project's Program, the CLI's serve command and the tests all start it here.</summary>
public static class FairShareWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FairShareWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);

        var database = DatabaseOptionsFrom(builder.Configuration);
        var options = builder.Configuration.GetSection(FairShareOptions.Section).Get<FairShareOptions>() ?? new FairShareOptions();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(database);
        builder.Services.AddFairShare(database);
        builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "FairShare API";
            doc.Info.Description = "Read the catalogue, cost centres and authorities of a FairShare marketplace.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o => FairShareJson.Configure(o.SerializerOptions));
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "lib", "assets")),
            RequestPath = "/assets",
        });
        app.UseStaticFiles();
        app.UseMiddleware<TenantMiddleware>();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapFairShareApi();
        app.MapRazorPages();
        return app;
    }

    public static DatabaseOptions DatabaseOptionsFrom(IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (Environment.GetEnvironmentVariable("FAIRSHARE_DATA") is { Length: > 0 } folder && string.IsNullOrEmpty(configuration["Database:DataFolder"]))
        {
            database.DataFolder = folder;
        }
        _ = database.ResolveConnectionString();
        return database;
    }

    /// <summary>Migrates the database and, on an empty embedded database, loads the demo council.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, TextWriter stdout)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var demo = scope.ServiceProvider.GetRequiredService<LoadDemoData>();
        if (database.ParsedProvider == DatabaseProvider.Sqlite
            && scope.ServiceProvider.GetRequiredService<FairShareOptions>().LoadDemoWhenEmpty
            && await demo.IsDatabaseEmptyAsync())
        {
            var result = await demo.HandleAsync();
            await stdout.WriteLineAsync(result.Message);
        }
    }

    /// <summary>Runs until stopped. Bad configuration ends start-up with one sentence and exit code 1, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplication app;
        try
        {
            app = Build(args, configure);
            await PrepareDatabaseAsync(app, stdout);
            await app.StartAsync();
        }
        catch (Exception e) when (Describe(e) is { } sentence)
        {
            await stderr.WriteLineAsync($"FairShare cannot start: {sentence}");
            return 1;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        await stdout.WriteLineAsync($"FairShare is running at {address} ({Where(database)}). Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string Where(DatabaseOptions database) => database.ParsedProvider == DatabaseProvider.Sqlite
        ? $"SQLite database {database.SqliteFile}"
        : "PostgreSQL database";

    private static string? Describe(Exception e) => e switch
    {
        ConfigurationProblemException c => c.Message,
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or
            IOException when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            => $"the address is already in use ({e.Message.Split(':', 2)[^1].Trim()}); stop the other program or choose another port with --FairShare:Port=5001.",
        InvalidOperationException { InnerException: { } inner } => Describe(inner),
        _ => null,
    };
}
