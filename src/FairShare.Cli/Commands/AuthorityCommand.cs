using System.CommandLine;
using FairShare.Features.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary><c>fairshare authority two-people on|off</c>: the authority's own policies (administrators).</summary>
public static class AuthorityCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var setting = new Argument<string?>("on|off") { Description = "on: whoever prepares a run's dry run cannot post, reverse or close it; off: anyone with the role may. Left out: show the setting.", Arity = ArgumentArity.ZeroOrOne };
        var twoPeople = new Command("two-people", "Require two people for the month's journals: the one who prepares the dry run cannot post, reverse or close it (audited).");
        twoPeople.Arguments.Add(setting);
        twoPeople.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var value = parse.GetValue(setting);
            if (value is null)
            {
                var current = await scope.ServiceProvider.GetRequiredService<GetTwoPersonRule>().HandleAsync(new GetTwoPersonRuleRequest(), ct);
                return await CliOutcome.WriteAsync(current, stdout, stderr, s => $"{s.Authority} {(s.Required ? "requires" : "does not require")} two people to post, reverse or close a run.");
            }
            bool? required = value.Trim().ToUpperInvariant() switch { "ON" => true, "OFF" => false, _ => null };
            if (required is null)
            {
                await stderr.WriteLineAsync($"fairshare: required: '{value}' is not on or off.");
                return CliOutcome.Invalid;
            }
            var outcome = await scope.ServiceProvider.GetRequiredService<SetTwoPersonRule>().HandleAsync(new SetTwoPersonRuleRequest(required), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, d => d.Message);
        });
        var authority = new Command("authority", "The authority's own policies (administrators).");
        authority.Subcommands.Add(twoPeople);
        return authority;
    }
}
