using System.CommandLine;
using FairShare.Features.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary><c>fairshare suppliers list|add|change|rate|self-service</c>: the supplier register (finance officers act as procurement).</summary>
public static class SuppliersCommand
{
    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var suppliers = new Command("suppliers", "Approved external suppliers, their contracts and contract rates (finance officers act as procurement; audited).");
        suppliers.Subcommands.Add(List(global, stdout, stderr));
        suppliers.Subcommands.Add(Add(global, stdout, stderr));
        suppliers.Subcommands.Add(Change(global, stdout, stderr));
        suppliers.Subcommands.Add(Rate(global, stdout, stderr));
        suppliers.Subcommands.Add(SelfService(global, stdout, stderr));
        return suppliers;
    }

    private static Command List(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var list = new Command("list", "List the approved suppliers with their contracts.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListSuppliers>().HandleAsync(new ListSuppliersRequest(), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, register =>
            {
                var table = new Table { Border = TableBorder.Simple };
                table.AddColumns("Code", "Name", "Framework or contract", "Start", "End", "Offerings");
                foreach (var s in register.Suppliers)
                {
                    table.AddRow(Markup.Escape(s.Code), Markup.Escape(s.Name), Markup.Escape(s.ContractReference), Day(s.ContractStart),
                        Day(s.ContractEnd) + (s.ContractEnded ? " (expired)" : ""), s.Offerings.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                var console = GlobalOptions.Console(stdout);
                console.Write(table);
                console.WriteLine($"Supplier accounts are {(register.SupplierSelfService ? "on: suppliers may sign in and see their own offerings" : "off: supplier accounts cannot sign in or see anything")}.");
                return Task.CompletedTask;
            });
        });
        return list;
    }

    private sealed class DetailOptions
    {
        public Option<string?> Name { get; } = new("--name") { Description = "The supplier's legal name." };
        public Option<string?> Description { get; } = new("--description") { Description = "What it supplies (optional)." };
        public Option<string?> Contract { get; } = new("--contract") { Description = "The framework or contract reference it was approved under, e.g. \"CCS RM6187 Lot 3\"." };
        public Option<string?> Start { get; } = new("--contract-start") { Description = "The contract's first day, YYYY-MM-DD." };
        public Option<string?> End { get; } = new("--contract-end") { Description = "The contract's last day, YYYY-MM-DD; after it the supplier's rates are shown as expired." };

        public IEnumerable<Option> All => [Name, Description, Contract, Start, End];

        public SupplierInput Input(ParseResult parse, string? code) =>
            new(code, parse.GetValue(Name), parse.GetValue(Description), parse.GetValue(Contract), parse.GetValue(Start), parse.GetValue(End));
    }

    private static string Describe(SupplierSummary s) =>
        $"{s.Code} {s.Name}: {s.ContractReference}, {Day(s.ContractStart)} to {Day(s.ContractEnd)}{(s.ContractEnded ? " (expired)" : "")}.";

    private static Command Add(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var code = new Option<string>("--code") { Description = "Its code (up to 20 letters, digits, hyphens or underscores), e.g. SUP-BRIGHT.", Required = true };
        var details = new DetailOptions();
        var add = new Command("add", "Register an approved supplier with its contract (finance officer or administrator; audited).");
        foreach (var option in details.All.Prepend(code))
        {
            add.Options.Add(option);
        }
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<AddSupplier>().HandleAsync(new AddSupplierRequest(details.Input(parse, parse.GetValue(code))), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, s => "Registered " + Describe(s));
        });
        return add;
    }

    private static Command Change(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("code") { Description = "The supplier's code." };
        var details = new DetailOptions();
        var change = new Command("change", "Change a supplier's details or contract: give every detail as it should now be (finance officer or administrator; audited).");
        change.Arguments.Add(code);
        foreach (var option in details.All)
        {
            change.Options.Add(option);
        }
        change.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var supplierCode = parse.GetValue(code)!;
            var outcome = await scope.ServiceProvider.GetRequiredService<ChangeSupplier>().HandleAsync(new ChangeSupplierRequest(supplierCode, details.Input(parse, supplierCode)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, s => "Changed " + Describe(s));
        });
        return change;
    }

    private static Command Rate(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("code") { Description = "The supplier's code." };
        var offering = new Option<string>("--offering") { Description = "The offering's code: one of the supplier's, or a new one (then give --name, --category and --unit).", Required = true };
        var year = new Option<int?>("--year") { Description = "The financial year by its first calendar year, e.g. 2026 for 2026/27.", Required = true };
        var rate = new Option<decimal?>("--rate") { Description = "The contract's price per unit in pounds, e.g. 145.00.", Required = true };
        var name = new Option<string?>("--name") { Description = "A new offering's name." };
        var category = new Option<string?>("--category") { Description = "A new offering's category, as the catalogue names it, e.g. Legal." };
        var unit = new Option<string?>("--unit") { Description = "A new offering's unit, singular: hour, case, payslip." };
        var command = new Command("rate", "Enter a supplier's contract rate for a financial year; never overwrites a year's rate (finance officer or administrator; audited).");
        command.Arguments.Add(code);
        foreach (var option in new Option[] { offering, year, rate, name, category, unit })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SetSupplierRate>().HandleAsync(new SetSupplierRateRequest(
                parse.GetValue(code)!, parse.GetValue(offering), parse.GetValue(year), parse.GetValue(rate), parse.GetValue(name), parse.GetValue(category), parse.GetValue(unit)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, r => r.Message);
        });
        return command;
    }

    private static Command SelfService(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var setting = new Argument<string>("on|off") { Description = "on: supplier accounts may sign in and see their own offerings; off (the default): they cannot sign in or see anything." };
        var command = new Command("self-service", "Turn supplier self-service accounts on or off for the authority (administrators; audited).");
        command.Arguments.Add(setting);
        command.SetAction(async (parse, ct) =>
        {
            var value = parse.GetValue(setting) ?? "";
            bool? allowed = value.Trim().ToUpperInvariant() switch { "ON" => true, "OFF" => false, _ => null };
            if (allowed is null)
            {
                await stderr.WriteLineAsync($"fairshare: allowed: '{value}' is not on or off.");
                return CliOutcome.Invalid;
            }
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SetSupplierSelfService>().HandleAsync(new SetSupplierSelfServiceRequest(allowed), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, d => d.Message);
        });
        return command;
    }
}
