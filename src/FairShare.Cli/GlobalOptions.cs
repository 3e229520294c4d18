using System.CommandLine;
using FairShare.Features;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli;

/// <summary>The options every command shares: where the database is and which authority to act for.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--database")
    {
        Description = "Database provider: Sqlite (default) or Postgres.",
        Recursive = true,
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "Connection string (required for Postgres; for Sqlite it overrides --data).",
        Recursive = true,
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder of the embedded SQLite database (default ./data, or FAIRSHARE_DATA).",
        Recursive = true,
    };

    public Option<string?> Authority { get; } = new("--authority")
    {
        Description = "Code of the authority to act for (default: the first authority, e.g. NCC in the demo).",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Database);
        root.Options.Add(ConnectionString);
        root.Options.Add(Data);
        root.Options.Add(Authority);
    }

    /// <summary>Database options from the command line, then the environment, then the defaults.</summary>
    public DatabaseOptions DatabaseOptions(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = configuration.GetSection(Persistence.DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (Environment.GetEnvironmentVariable("FAIRSHARE_DATA") is { Length: > 0 } envFolder)
        {
            options.DataFolder = envFolder;
        }
        options.Provider = parse.GetValue(Database) ?? options.Provider;
        options.ConnectionString = parse.GetValue(ConnectionString) ?? options.ConnectionString;
        options.DataFolder = parse.GetValue(Data) ?? options.DataFolder;
        _ = options.ResolveConnectionString();
        return options;
    }

    /// <summary>The use cases, wired to the chosen database, in one scope for one command.</summary>
    public AsyncServiceScope Services(ParseResult parse)
    {
        var services = new ServiceCollection().AddFairShare(DatabaseOptions(parse)).BuildServiceProvider();
        return services.CreateAsyncScope();
    }

    /// <summary>Migrates, then sets the authority the command acts for.</summary>
    public async Task<AsyncServiceScope> TenantServicesAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var scope = Services(parse);
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var tenant = await scope.ServiceProvider.GetRequiredService<ResolveTenant>().HandleAsync(parse.GetValue(Authority), cancellationToken);
        if (!tenant.IsSuccess)
        {
            await scope.DisposeAsync();
            throw new ConfigurationProblemException(string.Join(" ", tenant.Errors.Select(e => e.Message)));
        }
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Value);
        return scope;
    }

    /// <summary>A Spectre console on the given writer: plain text, wide enough for tables when not a terminal.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (writer != System.Console.Out || System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }
        return console;
    }
}
