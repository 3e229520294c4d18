using System.CommandLine;
using FairShare.Domain;
using FairShare.Features.Access;
using FairShare.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>The audit log as CSV, for auditors and administrators.</summary>
public static class AuditCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout)
    {
        var text = new Option<string?>("--text") { Description = "Only entries mentioning this person, action or record." };
        var from = new Option<string?>("--from") { Description = "From this date (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Up to and including this date (YYYY-MM-DD)." };
        var export = new Command("export", "Write the audit log as CSV, newest first.");
        export.Options.Add(text);
        export.Options.Add(from);
        export.Options.Add(to);
        export.SetAction(async (parse, ct) =>
        {
            var errors = new List<DomainError>();
            var fromDate = ApiEndpoints.ParseDate("--from", parse.GetValue(from), errors);
            var toDate = ApiEndpoints.ParseDate("--to", parse.GetValue(to), errors);
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var lines = await scope.ServiceProvider.GetRequiredService<SearchAuditLog>()
                .HandleAsync(new AuditSearch(parse.GetValue(text), fromDate, toDate, 10_000), ct);
            await stdout.WriteAsync(AuditExport.ToCsv(lines));
            return 0;
        });
        var audit = new Command("audit", "Read the audit log.");
        audit.Subcommands.Add(export);
        return audit;
    }
}
