using System.CommandLine;
using System.Globalization;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>API tokens for machines: issue (the secret is printed once), list, revoke. Administrators only.</summary>
public static class TokensCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'Legal time recording'.", Required = true };
        var roles = new RoleOptions();
        var days = new Option<int>("--days") { Description = "Days until it expires (1 to 366).", DefaultValueFactory = _ => 90 };
        var issue = new Command("issue", "Issue a token; its secret is printed once and stored only as a hash.");
        foreach (var option in roles.All.Prepend(name).Append(days))
        {
            issue.Options.Add(option);
        }
        issue.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var grant = await roles.GrantAsync(parse, scope.ServiceProvider, ct);
            var outcome = grant.IsOk
                ? await scope.ServiceProvider.GetRequiredService<IssueApiToken>().HandleAsync(
                    new IssueApiTokenRequest(parse.GetValue(name)!, grant.Value.Role, grant.Value.CostCentreId, grant.Value.SupplierId, parse.GetValue(days)), ct)
                : Outcome<IssuedApiToken>.From(grant);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, issued =>
                $"Issued token {issued.Token.Id} '{issued.Token.Name}' ({AccessPolicy.Describe(issued.Token.Role)}), " +
                $"expiring {issued.Token.ExpiresAt:yyyy-MM-dd}. Its secret, shown this once:\n{issued.Secret}");
        });

        var list = new Command("list", "List the authority's tokens (never their secrets).");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListApiTokens>().HandleAsync(new ListApiTokensRequest(), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, tokens =>
            {
                var table = new Table { Border = TableBorder.Simple };
                table.AddColumns("Id", "Name", "Starts", "Role", "Expires", "Status");
                foreach (var t in tokens)
                {
                    table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Name), t.Prefix, AccessPolicy.Describe(t.Role),
                        t.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.RevokedAt is not null ? "revoked" : t.Active ? "active" : "expired");
                }
                GlobalOptions.Console(stdout).Write(table);
                return Task.CompletedTask;
            });
        });

        var id = new Argument<int>("id") { Description = "The token's id (see tokens list)." };
        var revoke = new Command("revoke", "Revoke a token at once.");
        revoke.Arguments.Add(id);
        revoke.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<RevokeApiToken>().HandleAsync(new RevokeApiTokenRequest(parse.GetValue(id)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, revoked => $"Revoked token {revoked.Id} '{revoked.Name}'.");
        });

        var tokens = new Command("tokens", "Manage API tokens (administrators).");
        tokens.Subcommands.Add(issue);
        tokens.Subcommands.Add(list);
        tokens.Subcommands.Add(revoke);
        return tokens;
    }
}
