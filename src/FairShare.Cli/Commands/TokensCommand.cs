using System.CommandLine;
using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>API tokens for machines: issue (the secret is printed once), list, revoke. Administrators only.</summary>
public static class TokensCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout)
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
            var issued = await scope.ServiceProvider.GetRequiredService<ApiTokens>()
                .IssueAsync(new ApiTokenInput(parse.GetValue(name)!, grant.Role, grant.CostCentreId, grant.SupplierId, parse.GetValue(days)), ct);
            await stdout.WriteLineAsync($"Issued token {issued.Token.Id} '{issued.Token.Name}' ({AccessPolicy.Describe(issued.Token.Role)}), " +
                $"expiring {issued.Token.ExpiresAt:yyyy-MM-dd}. Its secret, shown this once:");
            await stdout.WriteLineAsync(issued.Secret);
            return 0;
        });

        var list = new Command("list", "List the authority's tokens (never their secrets).");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var tokens = await scope.ServiceProvider.GetRequiredService<ApiTokens>().ListAsync(ct);
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumns("Id", "Name", "Starts", "Role", "Expires", "Status");
            foreach (var t in tokens)
            {
                table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Name), t.Prefix, AccessPolicy.Describe(t.Role),
                    t.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.RevokedAt is not null ? "revoked" : t.Active ? "active" : "expired");
            }
            GlobalOptions.Console(stdout).Write(table);
            return 0;
        });

        var id = new Argument<int>("id") { Description = "The token's id (see tokens list)." };
        var revoke = new Command("revoke", "Revoke a token at once.");
        revoke.Arguments.Add(id);
        revoke.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var revoked = await scope.ServiceProvider.GetRequiredService<ApiTokens>().RevokeAsync(parse.GetValue(id), ct);
            if (revoked is null)
            {
                throw new ValidationFailedException([new DomainError("id", $"this authority has no token {parse.GetValue(id)}.")]);
            }
            await stdout.WriteLineAsync($"Revoked token {revoked.Id} '{revoked.Name}'.");
            return 0;
        });

        var tokens = new Command("tokens", "Manage API tokens (administrators).");
        tokens.Subcommands.Add(issue);
        tokens.Subcommands.Add(list);
        tokens.Subcommands.Add(revoke);
        return tokens;
    }
}
