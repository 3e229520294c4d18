using System.CommandLine;
using FairShare.Domain.Recording;
using FairShare.Features;
using FairShare.Features.Imports;
using FairShare.Features.Inputs;
using FairShare.Features.Recharge;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>The month end on the command line: one small command per use case, each parse → handler → <see cref="CliOutcome"/>.</summary>
public static class RechargeCommand
{
    public static Command Import(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var import = new Command("import", "Import a CSV or Excel (.xlsx) file, all or nothing: a file with any bad row imports nothing. List the imports, or withdraw one while its periods are open.");
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var file = new Argument<FileInfo>("file") { Description = $"The file; columns {string.Join(",", ImportFile.ColumnsOf(kind))}." };
            var expect = new Option<decimal?>("--expect-total") { Description = "Control total: refuse the file unless its quantities/values/amounts add up to this." };
            var encoding = new Option<string?>("--encoding") { Description = "How a CSV file's text is written: utf-8 (the default) or windows-1252 (Excel's plain \"CSV\")." };
            var command = new Command(kind.ToString().ToLowerInvariant(), ImportFile.Describe(kind) + " Columns: "
                + string.Join("; ", ImportFile.RulesOf(kind).Select(r => $"{r.Name} ({r.Rule})")) + ".");
            command.Arguments.Add(file);
            command.Options.Add(expect);
            command.Options.Add(encoding);
            command.SetAction(async (parse, ct) =>
            {
                var path = parse.GetValue(file)!;
                if (!path.Exists)
                {
                    await stderr.WriteLineAsync($"fairshare: {path.FullName} does not exist.");
                    return CliOutcome.Invalid;
                }
                var textEncoding = Parse.Encoding(parse.GetValue(encoding), "--encoding");
                if (!textEncoding.IsSuccess)
                {
                    await stderr.WriteLineAsync($"fairshare: {textEncoding.Errors[0].Message}");
                    return CliOutcome.Invalid;
                }
                await using var scope = await global.TenantServicesAsync(parse, ct);
                var outcome = await scope.ServiceProvider.GetRequiredService<ImportFile>()
                    .HandleAsync(new ImportRequest(kind, path.Name, await File.ReadAllBytesAsync(path.FullName, ct), parse.GetValue(expect), textEncoding.Value), ct);
                if (outcome.Kind == OutcomeKind.Invalid)
                {
                    await stderr.WriteLineAsync($"fairshare: {path.Name}: nothing was imported: {Domain.Text.English.Count(outcome.Errors.Count, "problem")}.");
                }
                return await CliOutcome.WriteAsync(outcome, stdout, stderr, r => r.Message);
            });
            import.Subcommands.Add(command);
        }
        ImportCommand.AddTo(import, global, stdout, stderr);
        return import;
    }

    public static Command Recharge(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var recharge = new Command("recharge", "The monthly recharge (finance officers).");
        recharge.Subcommands.Add(SetMethod(global, stdout, stderr));
        recharge.Subcommands.Add(SetDriver(global, stdout, stderr));
        recharge.Subcommands.Add(Run(global, stdout, stderr));
        recharge.Subcommands.Add(PeriodCommand(global, "reverse", "Reverse the period's posted run with exact reversing journals, so it can be run again.",
            stdout, stderr, (s, p, ct) => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest(p), ct), d => d.Message));
        recharge.Subcommands.Add(Export(global, stdout, stderr));
        recharge.Subcommands.Add(Batches(global, stdout, stderr));
        recharge.Subcommands.Add(Sent(global, stdout, stderr));
        recharge.Subcommands.Add(PeriodCommand(global, "close", "Close the period (its recharge must be posted); nothing can be posted or imported into it afterwards.",
            stdout, stderr, (s, p, ct) => s.GetRequiredService<ClosePeriod>().HandleAsync(new ClosePeriodRequest(p), ct), d => d.Message));
        return recharge;
    }

    private static Option<string> PeriodOption() =>
        new("--period") { Description = "The month, YYYY-MM (or 2026/27-P13 for the year-end adjustment period).", Required = true };

    private static Command Export(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var period = new Option<string?>("--period") { Description = "The month whose posted run to write, YYYY-MM." };
        var batch = new Option<int?>("--batch") { Description = "Or the number of a journal batch (a run's journals or a reversal's)." };
        var command = new Command("export", "Write a CSV journal for the general ledger: the period's posted run, or one numbered batch. Its batch number and control totals go to stderr.");
        command.Options.Add(period);
        command.Options.Add(batch);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ExportJournal>().HandleAsync(new ExportJournalRequest(parse.GetValue(period), parse.GetValue(batch)), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, async j =>
            {
                await stdout.WriteAsync(j.Csv);
                await stderr.WriteLineAsync($"{(j.Batch is { } b ? $"Batch {b}" : $"Run {j.RunId}")}: {Domain.Text.English.Count(j.Lines, "line")}, debits {j.Debits}, credits {j.Credits}{(j.Sent ? "; already sent to the ledger" : "")}.");
                if (j.ChainHead is { Length: > 0 } head)
                {
                    await stderr.WriteLineAsync($"Chain head after it (keep it with the load; fairshare verify checks it): {head}");
                }
            });
        });
        return command;
    }

    private static Command Batches(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("batches", "List the numbered journal batches with their control totals and whether each was sent to the ledger.");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListJournalBatches>().HandleAsync(new ListJournalBatchesRequest(), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, batches =>
            {
                var table = new Table { Border = TableBorder.Simple };
                table.AddColumns("Batch", "Period", "Holds", "Lines", "Debits", "Credits", "Sent");
                foreach (var b in batches)
                {
                    table.AddRow(b.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Period, b.Kind == "run" ? $"run {b.RunId}" : $"reversal of run {b.RunId}",
                        b.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Debits.ToString(), b.Credits.ToString(),
                        Markup.Escape(b.SentAt is { } at ? $"{at.UtcDateTime:yyyy-MM-dd HH:mm} by {b.SentBy}" : "not sent"));
                }
                GlobalOptions.Console(stdout).Write(table);
                return Task.CompletedTask;
            });
        });
        return command;
    }

    private static Command Sent(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var batch = new Option<int>("--batch") { Description = "The batch number.", Required = true };
        var reference = new Option<string?>("--reference") { Description = "The ledger's own reference for the load." };
        var command = new Command("sent", "Record that a journal batch was loaded into the general ledger (once; a second time is refused).");
        command.Options.Add(batch);
        command.Options.Add(reference);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<MarkJournalBatchSent>().HandleAsync(new MarkJournalBatchSentRequest(parse.GetValue(batch), parse.GetValue(reference)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, b => $"Batch {b.Batch} ({b.Period}, {Domain.Text.English.Count(b.Lines, "line")}, debits {b.Debits}) is marked as sent to the ledger.");
        });
        return command;
    }

    private static Command Run(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var period = PeriodOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the result without posting anything." };
        var method = new Option<string?>("--method") { Description = "reciprocal, direct or step-down, for this run only (default: the authority's method)." };
        var run = new Command("run", "Price the period's charges, allocate support services' remaining cost and post it all as balanced journals, in one transaction.");
        run.Options.Add(period);
        run.Options.Add(dryRun);
        run.Options.Add(method);
        run.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var progress = new StepsOn(stdout);
            var outcome = await scope.ServiceProvider.GetRequiredService<PostRechargeRun>()
                .HandleAsync(new PostRechargeRunRequest(parse.GetValue(period), parse.GetValue(dryRun), parse.GetValue(method)), progress, ct);
            return await CliOutcome.WriteAsync(outcome, stderr, summary =>
            {
                Write(stdout, summary);
                return Task.CompletedTask;
            });
        });
        return run;
    }

    private static Command SetMethod(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var use = new Argument<string>("method") { Description = "reciprocal, direct or step-down." };
        var command = new Command("method", "Choose how the authority's runs allocate support services' remaining cost from now on.");
        command.Arguments.Add(use);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            return await CliOutcome.WriteAsync(await scope.ServiceProvider.GetRequiredService<SetRechargeMethod>()
                .HandleAsync(new SetRechargeMethodRequest(parse.GetValue(use)), ct), stdout, stderr, d => d.Message);
        });
        return command;
    }

    private static Command SetDriver(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var centre = new Argument<string>("support-service") { Description = "The support service's cost centre code, e.g. S-INS." };
        var driverName = new Argument<string?>("driver") { Description = "A driver whose values are imported (FTE, m2, devices…); leave out for what each receiver bought.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("driver", "Choose what a support service's remaining cost is allocated by: what each receiver bought from it (the default) or a driver.");
        command.Arguments.Add(centre);
        command.Arguments.Add(driverName);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            return await CliOutcome.WriteAsync(await scope.ServiceProvider.GetRequiredService<SetAllocationDriver>()
                .HandleAsync(new SetAllocationDriverRequest(parse.GetValue(centre), parse.GetValue(driverName)), ct), stdout, stderr, d => d.Message);
        });
        return command;
    }

    /// <summary>A subcommand that takes only --period and prints what its use case answers.</summary>
    private static Command PeriodCommand<T>(GlobalOptions global, string name, string description, TextWriter stdout, TextWriter stderr,
        Func<IServiceProvider, string?, CancellationToken, Task<Outcome<T>>> handle, Func<T, string> print, bool newline = true)
    {
        var period = PeriodOption();
        var command = new Command(name, description);
        command.Options.Add(period);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await handle(scope.ServiceProvider, parse.GetValue(period), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, value => newline ? stdout.WriteLineAsync(print(value)) : stdout.WriteAsync(print(value)));
        });
        return command;
    }

    private static void Write(TextWriter stdout, RechargeRunSummary s)
    {
        stdout.WriteLine(s.Posted
            ? $"Posted run {s.RunId} for {s.Period} ({s.Method}): {s.Transactions} balanced transactions, {s.Postings} postings."
            : $"Dry run for {s.Period} ({s.Method}): nothing was posted. It would post {s.Transactions} balanced transactions, {s.Postings} postings.");
        stdout.WriteLine($"Actual costs {s.ActualCosts}; priced charges {s.Charges}; support costs allocated {s.Allocated}; total cost {s.TotalCostBefore} before and {s.TotalCostAfter} after recharging.");
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle("Support services' recovery") };
        table.AddColumns("Provider", "Cost", "Income", "Remaining before", "Passed on", "Remaining after");
        foreach (var p in s.Providers)
        {
            table.AddRow(Markup.Escape($"{p.Code} {p.Name}"), p.Cost.ToString(), p.Income.ToString(), p.RemainingBefore.ToString(), p.Allocated.ToString(), p.RemainingAfter.ToString());
        }
        GlobalOptions.Console(stdout).Write(table);
        foreach (var note in s.Notes)
        {
            stdout.WriteLine($"Note: {note}");
        }
    }

    /// <summary>
    /// Each step of a run printed as it starts, on the caller's thread: <see cref="Progress{T}"/> would post the
    /// lines to the thread pool, to arrive out of order or after the command has finished.
    /// </summary>
    private sealed class StepsOn(TextWriter stdout) : IProgress<string>
    {
        public void Report(string value) => stdout.WriteLine($"… {value}");
    }
}
