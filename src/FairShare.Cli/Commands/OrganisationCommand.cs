using System.CommandLine;
using FairShare.Features;
using FairShare.Features.Inputs;
using FairShare.Features.Organisation;
using FairShare.Features.Organisation.Import;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>
/// <c>fairshare organisation import FILE [--kind K] [--mapping NAME] [--apply]</c>, <c>fairshare organisation mapping save NAME …</c>
/// and <c>fairshare cost-centres close CODE --from DATE</c>: the organisation from the ledger's own files (administrators and finance officers).
/// </summary>
public static class OrganisationCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var organisation = new Command("organisation", "The organisation from the ledger's own files: directorates, cost centres, budgets, subjective codes, funds (administrators and finance officers).");
        organisation.Subcommands.Add(Import(global, stdout, stderr));
        organisation.Subcommands.Add(Mapping(global, stdout, stderr));
        return organisation;
    }

    private static Command Import(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV or Excel (.xlsx) file, as the ledger exports it." };
        var kind = new Option<string?>("--kind") { Description = $"What the file holds: {string.Join(", ", Slugs.All<OrganisationFileKind>())}. Left out: the mapping's kind." };
        var mapping = new Option<string?>("--mapping") { Description = "A saved column mapping for this ledger's layout; FairShare's template when left out." };
        var apply = new Option<bool>("--apply") { Description = "Apply the import, all or nothing. Without it, only preview what it would add, change and close." };
        var encoding = new Option<string?>("--encoding") { Description = "How a CSV file's text is written: utf-8 (the default) or windows-1252 (Excel's plain \"CSV\")." };
        var command = new Command("import", "Preview an organisation file (what it adds, changes and closes); with --apply, import it all or nothing.");
        command.Arguments.Add(file);
        command.Options.Add(kind);
        command.Options.Add(mapping);
        command.Options.Add(apply);
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
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportOrganisation>().HandleAsync(new ImportOrganisationRequest(
                parse.GetValue(kind), path.Name, await File.ReadAllBytesAsync(path.FullName, ct), parse.GetValue(mapping), parse.GetValue(apply), textEncoding.Value), ct);
            if (outcome.Kind == OutcomeKind.Invalid)
            {
                await stderr.WriteLineAsync($"fairshare: {path.Name}: nothing was imported: {Domain.Text.English.Count(outcome.Errors.Count, "problem")}.");
            }
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, Describe);
        });
        return command;
    }

    private static string Describe(OrganisationPreview preview)
    {
        var lines = new List<string> { preview.Message };
        foreach (var (title, rows) in new[] { ("Adds", preview.Adds), ("Changes", preview.Changes), ("Closes", preview.Closes) })
        {
            lines.AddRange(rows.Select(r => $"  {title[..^1].ToLowerInvariant()}  line {r.Line}  {r.Code}  {r.Name}: {r.What}"));
        }
        if (!preview.Applied)
        {
            lines.Add("Run again with --apply to import it.");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static Command Mapping(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("name") { Description = "The mapping's name, like unit4-cost-centres." };
        var kind = new Option<string>("--kind") { Description = $"What the files it reads hold: {string.Join(", ", Slugs.All<OrganisationFileKind>())}.", Required = true };
        var columns = new Option<string>("--columns") { Description = "Each column of the file and the field it is, separated by ';': \"Cost Centre=code;Cost Centre Description=name\".", Required = true };
        var dateFormat = new Option<string?>("--date-format") { Description = "How the file writes dates (dd/MM/yyyy, dd-MMM-yyyy…); YYYY-MM-DD is always read." };
        var save = new Command("save", "Save a column mapping for this authority's ledger layout (audited).");
        save.Arguments.Add(name);
        save.Options.Add(kind);
        save.Options.Add(columns);
        save.Options.Add(dateFormat);
        save.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SaveColumnMapping>().HandleAsync(
                new SaveColumnMappingRequest(parse.GetValue(name), parse.GetValue(kind), parse.GetValue(columns), parse.GetValue(dateFormat)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, m => $"Saved mapping {m.Name} for {m.Kind} files: {string.Join("; ", m.Columns.Select(c => $"{c.Key} → {c.Value}"))}.");
        });
        var mapping = new Command("mapping", "Column mappings: how this authority's ledger names FairShare's fields.");
        mapping.Subcommands.Add(save);
        return mapping;
    }

    /// <summary><c>fairshare cost-centres close CODE --from DATE</c>.</summary>
    public static Command CostCentres(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("code") { Description = "The cost centre's code." };
        var from = new Option<string>("--from") { Description = "The first day it is closed (YYYY-MM-DD): it takes no usage on or after it.", Required = true };
        var close = new Command("close", "Close a cost centre from a date; it is kept, with its postings, never deleted (audited).");
        close.Arguments.Add(code);
        close.Options.Add(from);
        close.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<CloseCostCentre>().HandleAsync(new CloseCostCentreRequest(parse.GetValue(code), parse.GetValue(from)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, d => d.Message);
        });
        var centres = new Command("cost-centres", "Cost centres (administrators and finance officers close them).");
        centres.Subcommands.Add(close);
        return centres;
    }
}
