using System.CommandLine;
using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Imports;
using FairShare.Features.Recharge;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>The month end: import, run (or dry-run) the recharge, reverse it, export its journal, close the period.</summary>
public static class RechargeCommand
{
    private const int ShownProblems = 100;

    public static Command Import(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var import = new Command("import", "Import a CSV or Excel (.xlsx) file, all or nothing: a file with any bad row imports nothing.");
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var file = new Argument<FileInfo>("file") { Description = $"The file; columns {string.Join(",", ImportFile.ColumnsOf(kind))}." };
            var expect = new Option<decimal?>("--expect-total") { Description = "Control total: refuse the file unless its quantities/values/amounts add up to this." };
            var command = new Command(kind.ToString().ToLowerInvariant(), ImportFile.Describe(kind));
            command.Arguments.Add(file);
            command.Options.Add(expect);
            command.SetAction(async (parse, ct) =>
            {
                var path = parse.GetValue(file)!;
                if (!path.Exists)
                {
                    await stderr.WriteLineAsync($"fairshare: {path.FullName} does not exist.");
                    return 2;
                }
                await using var scope = await global.TenantServicesAsync(parse, ct);
                try
                {
                    var result = await scope.ServiceProvider.GetRequiredService<ImportFile>()
                        .HandleAsync(new ImportRequest(kind, path.Name, await File.ReadAllBytesAsync(path.FullName, ct), parse.GetValue(expect)), ct);
                    await stdout.WriteLineAsync(result.Message);
                    return 0;
                }
                catch (ImportRejectedException e)
                {
                    await stderr.WriteLineAsync($"fairshare: {path.Name}: {e.Message}");
                    foreach (var problem in e.Problems.Take(ShownProblems))
                    {
                        await stderr.WriteLineAsync($"  {problem}");
                    }
                    if (e.Problems.Count > ShownProblems)
                    {
                        // A file that is wrong throughout (the wrong export, say) should not bury the terminal.
                        await stderr.WriteLineAsync($"  … and {e.Problems.Count - ShownProblems} more; the first {ShownProblems} are shown.");
                    }
                    return 1;
                }
            });
            import.Subcommands.Add(command);
        }
        return import;
    }

    public static Command Recharge(GlobalOptions global, TextWriter stdout)
    {
        var period = new Option<string>("--period") { Description = "The month, YYYY-MM.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the result without posting anything." };
        var method = new Option<string?>("--method") { Description = "reciprocal, direct or step-down, for this run only (default: the authority's method)." };
        var run = new Command("run", "Price the period's charges, allocate support services' remaining cost and post it all as balanced journals, in one transaction.");
        run.Options.Add(period);
        run.Options.Add(dryRun);
        run.Options.Add(method);
        run.SetAction(async (parse, ct) =>
        {
            var chosen = Method(parse.GetValue(method));
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var progress = new Progress<string>(step => stdout.WriteLine($"… {step}"));
            var summary = await scope.ServiceProvider.GetRequiredService<RunRecharge>().HandleAsync(parse.GetValue(period)!, parse.GetValue(dryRun), chosen, progress, ct);
            Write(stdout, summary);
            return 0;
        });

        var reverse = new Command("reverse", "Reverse the period's posted run with exact reversing journals, so it can be run again.");
        reverse.Options.Add(period);
        reverse.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var id = await scope.ServiceProvider.GetRequiredService<RechargeLedger>().ReverseAsync(parse.GetValue(period)!, ct);
            await stdout.WriteLineAsync($"Reversed run {id}; {parse.GetValue(period)} can be run again.");
            return 0;
        });

        var export = new Command("export", "Write the period's posted run as a CSV journal for the general ledger.");
        export.Options.Add(period);
        export.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            await stdout.WriteAsync(await scope.ServiceProvider.GetRequiredService<RechargeLedger>().ExportJournalAsync(parse.GetValue(period)!, ct));
            return 0;
        });

        var close = new Command("close", "Close the period (its recharge must be posted); nothing can be posted or imported into it afterwards.");
        close.Options.Add(period);
        close.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            await scope.ServiceProvider.GetRequiredService<RechargeLedger>().CloseAsync(parse.GetValue(period)!, ct);
            await stdout.WriteLineAsync($"Closed {parse.GetValue(period)}.");
            return 0;
        });

        var use = new Argument<string>("method") { Description = "reciprocal, direct or step-down." };
        var setMethod = new Command("method", "Choose how the authority's runs allocate support services' remaining cost from now on.");
        setMethod.Arguments.Add(use);
        setMethod.SetAction(async (parse, ct) =>
        {
            var chosen = Method(parse.GetValue(use)) ?? AllocationMethod.Reciprocal;
            await using var scope = await global.TenantServicesAsync(parse, ct);
            await scope.ServiceProvider.GetRequiredService<RunRecharge>().SetMethodAsync(chosen, ct);
            await stdout.WriteLineAsync($"Runs now allocate by the {parse.GetValue(use)} method.");
            return 0;
        });

        var centre = new Argument<string>("support-service") { Description = "The support service's cost centre code, e.g. S-INS." };
        var driverName = new Argument<string?>("driver") { Description = "A driver whose values are imported (FTE, m2, devices…); leave out for what each receiver bought.", Arity = ArgumentArity.ZeroOrOne };
        var setDriver = new Command("driver", "Choose what a support service's remaining cost is allocated by: what each receiver bought from it (the default) or a driver.");
        setDriver.Arguments.Add(centre);
        setDriver.Arguments.Add(driverName);
        setDriver.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            await stdout.WriteLineAsync(await scope.ServiceProvider.GetRequiredService<RunRecharge>()
                .SetAllocationDriverAsync(parse.GetValue(centre)!, parse.GetValue(driverName), ct));
            return 0;
        });

        var recharge = new Command("recharge", "The monthly recharge (finance officers).");
        recharge.Subcommands.Add(setMethod);
        recharge.Subcommands.Add(setDriver);
        recharge.Subcommands.Add(run);
        recharge.Subcommands.Add(reverse);
        recharge.Subcommands.Add(export);
        recharge.Subcommands.Add(close);
        return recharge;
    }

    private static AllocationMethod? Method(string? text) => text switch
    {
        null => null,
        "reciprocal" => AllocationMethod.Reciprocal,
        "direct" => AllocationMethod.Direct,
        "step-down" => AllocationMethod.StepDown,
        var other => throw new ValidationFailedException([new DomainError("method", $"'{other}' is not one of reciprocal, direct, step-down.")]),
    };

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
}
