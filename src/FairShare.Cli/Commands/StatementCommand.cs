using System.CommandLine;
using FairShare.Features.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>A cost centre's statement for a period as CSV: the same rows as the page's download.</summary>
public static class StatementCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var centre = new Argument<string>("cost-centre") { Description = "The cost centre's code, e.g. F-OP." };
        var period = new Option<string?>("--period") { Description = "The month, YYYY-MM (default: the last posted one)." };
        var command = new Command("statement", "A cost centre's statement as CSV: the charges it controls, the support costs apportioned to it, and (for a support service) its income.");
        command.Arguments.Add(centre);
        command.Options.Add(period);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<GetStatement>()
                .HandleAsync(new GetStatementRequest(0, parse.GetValue(period), parse.GetValue(centre)), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, s => stdout.WriteAsync(StatementCsv.Write(s)));
        });
        return command;
    }
}
