using System.CommandLine;
using FairShare.Features;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli;

/// <summary>The options every command shares: where the database is and which authority to act for.</summary>
public sealed class GlobalOptions(TimeProvider? clock = null, TextReader? stdin = null)
{
    /// <summary>Where <c>--password-stdin</c> reads from: standard input, or a test's reader.</summary>
    public TextReader Stdin => stdin ?? System.Console.In;

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
        Description = "Code of the authority to act for as its operator (default: the first authority, e.g. NCC in the demo).",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Act as this API token (or FAIRSHARE_TOKEN): its authority and role, instead of as the operator.",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Database);
        root.Options.Add(ConnectionString);
        root.Options.Add(Data);
        root.Options.Add(Authority);
        root.Options.Add(Token);
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

    /// <summary>
    /// The use cases, wired to the chosen database, in one scope for one command; with <paramref name="asOwner"/>, on
    /// Database:MigrationConnectionString when it is set (work across authorities, such as loading the demo).
    /// </summary>
    public AsyncServiceScope Services(ParseResult parse, bool asOwner = false)
    {
        var collection = new ServiceCollection();
        if (clock is not null)
        {
            collection.AddSingleton(clock); // a test's clock; otherwise the system's
        }
        var database = DatabaseOptions(parse);
        var services = collection.AddFairShare(asOwner ? database.AsOwner() : database).BuildServiceProvider();
        return services.CreateAsyncScope();
    }

    /// <summary>
    /// Migrates, then sets who the command acts as: the API token given (its authority and role), or else the
    /// operator — someone with the database's credentials — as administrator of the authority named.
    /// </summary>
    public async Task<AsyncServiceScope> TenantServicesAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var scope = Services(parse);
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var tenants = scope.ServiceProvider.GetRequiredService<TenantContext>();
            var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("FAIRSHARE_TOKEN");
            if (!string.IsNullOrWhiteSpace(token))
            {
                var holder = await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>()
                    .HandleAsync(new AuthenticateApiTokenRequest(token.Trim()), cancellationToken);
                if (!holder.IsOk)
                {
                    throw new ConfigurationProblemException(holder.Message);
                }
                tenants.Set(holder.Value.Tenant, holder.Value.Actor with { Via = "cli" });
                return scope;
            }
            var resolved = await scope.ServiceProvider.GetRequiredService<ResolveTenant>()
                .HandleAsync(new ResolveTenantRequest(parse.GetValue(Authority)), cancellationToken);
            if (!resolved.IsOk)
            {
                throw new ConfigurationProblemException(resolved.Message);
            }
            tenants.Set(resolved.Value, ActorFactory.Operator(resolved.Value));
            return scope;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
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
