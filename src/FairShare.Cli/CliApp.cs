using System.CommandLine;
using System.CommandLine.Help;
using FairShare.Cli.Commands;
using FairShare.Persistence;

namespace FairShare.Cli;

/// <summary>The <c>fairshare</c> command: parse, call the same use case the web app calls, print.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, clock: null, cancellationToken);

    /// <summary>The command with the clock given (tests pin "today", so the demo's year and every timestamp are fixed).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, clock, stdin: null, cancellationToken);

    /// <summary>The command with the clock and standard input given (tests feed <c>--password-stdin</c>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock, TextReader? stdin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Array.FindIndex(args, a => a.Contains('\0', StringComparison.Ordinal)) is var nul and >= 0)
        {
            // No shell can pass one, but a program can; file names and values never hold one.
            await stderr.WriteLineAsync($"fairshare: argument {nul + 1} holds a NUL character, which no file name or value may hold.");
            return CliOutcome.Invalid;
        }
        var root = Create(new GlobalOptions(clock, stdin), stdout, stderr);
        try
        {
            return await root.Parse(args).InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (ConfigurationProblemException e)
        {
            await stderr.WriteLineAsync($"fairshare: {e.Message}");
            return 1;
        }
    }

    /// <summary>The whole command tree, writing to the given streams (tests walk it to reach every command and option).</summary>
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(global);
        var root = new Command("fairshare",
            "FairShare: an honest internal market for a council's support services — catalogue, recharges and the ledger.\n" +
            "Database settings come from --database/--connection-string/--data, else the environment " +
            "(Database__Provider, Database__ConnectionString, FAIRSHARE_DATA), else an SQLite file in ./data.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        global.AddTo(root);
        root.Subcommands.Add(DbCommand.Create(global, stdout));
        root.Subcommands.Add(DemoCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(CatalogueCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(OfferingsCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(AllocateCommand.Create(stdout, stderr));
        root.Subcommands.Add(TokensCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(AuditCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(UsersCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(RechargeCommand.Import(global, stdout, stderr));
        root.Subcommands.Add(RechargeCommand.Recharge(global, stdout, stderr));
        root.Subcommands.Add(StatementCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(VerifyCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(AuthorityCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(OrganisationCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(OrganisationCommand.CostCentres(global, stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(SuppliersCommand.Create(global, stdout, stderr));
        return root;
    }
}
