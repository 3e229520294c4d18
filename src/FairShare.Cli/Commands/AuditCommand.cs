using System.CommandLine;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>The audit log as CSV, for auditors and administrators.</summary>
public static class AuditCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var text = new Option<string?>("--text") { Description = "Only entries mentioning this person, action or record." };
        var from = new Option<string?>("--from") { Description = "From this date (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Up to and including this date (YYYY-MM-DD)." };
        var export = new Command("export", $"Write the audit log as CSV, newest first (at most {ExportAuditLog.MostEntries:N0} entries).");
        export.Options.Add(text);
        export.Options.Add(from);
        export.Options.Add(to);
        export.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ExportAuditLog>()
                .HandleAsync(new ExportAuditLogRequest(parse.GetValue(text), parse.GetValue(from), parse.GetValue(to)), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, file => stdout.WriteAsync(file.Csv));
        });
        var audit = new Command("audit", "Read the audit log.");
        audit.Subcommands.Add(export);
        return audit;
    }
}
