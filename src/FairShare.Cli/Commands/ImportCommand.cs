using System.CommandLine;
using System.Globalization;
using FairShare.Domain.Recording;
using FairShare.Domain.Text;
using FairShare.Features;
using FairShare.Features.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary><c>fairshare import list</c> and <c>fairshare import withdraw</c>: the imports, and taking one back while its periods are open.</summary>
public static class ImportCommand
{
    public static void AddTo(Command import, GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(import);
        import.Subcommands.Add(List(global, stdout, stderr));
        import.Subcommands.Add(Withdraw(global, stdout, stderr));
    }

    private static Command List(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var period = new Option<string?>("--period") { Description = "Only the imports with records in this month, YYYY-MM." };
        var command = new Command("list", "List the imports, newest first: id, kind, file, periods, rows, control total, and whether each stands or was withdrawn.");
        command.Options.Add(period);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListImports>().HandleAsync(new ListImportsRequest(parse.GetValue(period)), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, imports =>
            {
                var table = new Table { Border = TableBorder.Simple };
                table.AddColumns("Id", "Kind", "File", "Periods", "Rows", "Control total", "State");
                foreach (var i in imports)
                {
                    table.AddRow(i.Id.ToString(CultureInfo.InvariantCulture), i.Kind.ToSlug(), Markup.Escape(i.FileName), string.Join(", ", i.Periods),
                        i.Rows.ToString(CultureInfo.InvariantCulture), i.Total.ToString(CultureInfo.InvariantCulture),
                        i.State);
                }
                GlobalOptions.Console(stdout).Write(table);
                // Who withdrew what and why, on lines of their own: a name or a reason would widen every row of the table.
                foreach (var i in imports.Where(i => i.WithdrawnAt is not null))
                {
                    stdout.WriteLine($"Import {i.Id} was withdrawn on {i.WithdrawnAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} by {i.WithdrawnBy}: {i.WithdrawalReason}");
                }
                return Task.CompletedTask;
            });
        });
        return command;
    }

    private static Command Withdraw(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<int>("id") { Description = "The import's number (fairshare import list shows them)." };
        var reason = new Option<string>("--reason") { Description = $"Why it is withdrawn, for the audit log (at most {ImportBatch.MaxWithdrawalReason} characters).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be removed, and change nothing." };
        var command = new Command("withdraw", "Withdraw an import while its periods are open: every record it wrote is removed, the import is kept and marked withdrawn, "
            + "and the audit log records who, when and why. The same file can then be imported again. Refused (exit 5) once a period is posted or closed.");
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<WithdrawImport>()
                .HandleAsync(new WithdrawImportRequest(parse.GetValue(id), parse.GetValue(reason), parse.GetValue(dryRun)), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, async w =>
            {
                await stdout.WriteLineAsync(w.Message);
                foreach (var r in w.Removed)
                {
                    await stdout.WriteLineAsync($"  {(w.DryRun ? "would remove" : "removed")} {r}");
                }
                await stdout.WriteLineAsync($"  {(w.DryRun ? "would remove" : "removed")} {English.Count(w.Rows, "record")} in all");
            });
        });
        return command;
    }
}
