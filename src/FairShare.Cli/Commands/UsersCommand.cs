using System.CommandLine;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>People and their roles (administrators).</summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var email = new Option<string>("--email") { Description = "Their email address: their user name, and how the council's identity provider is matched.", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as FairShare shows it.", Required = true };
        var roles = new RoleOptions();
        var password = new Option<string?>("--password") { Description = "A password for local sign-in (12 characters or more); leave out for identity-provider sign-in." };
        var add = new Command("add", "Create an account in the authority with one role.");
        foreach (var option in roles.All.Prepend(name).Prepend(email).Append(password))
        {
            add.Options.Add(option);
        }
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var grant = await roles.GrantAsync(parse, scope.ServiceProvider, ct);
            var outcome = grant.IsOk
                ? await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUserRequest(
                    parse.GetValue(email)!, parse.GetValue(name)!, grant.Value.Role, grant.Value.CostCentreId, grant.Value.SupplierId, parse.GetValue(password)), ct)
                : Outcome<UserSummary>.From(grant);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr,
                user => $"Created {user.Email} ({user.Name}) as {string.Join(", ", user.Roles.Select(r => AccessPolicy.Describe(r.Role)))}.");
        });
        var list = new Command("list", "List the authority's people and roles.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest(), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, users =>
            {
                var table = new Table { Border = TableBorder.Simple };
                table.AddColumns("Email", "Name", "Roles", "Locked out");
                foreach (var u in users)
                {
                    table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.Name), string.Join(", ", u.Roles.Select(r => AccessPolicy.Describe(r.Role))), u.LockedOut ? "yes" : "");
                }
                GlobalOptions.Console(stdout).Write(table);
                return Task.CompletedTask;
            });
        });
        var users = new Command("users", "Manage people and their roles (administrators).");
        users.Subcommands.Add(add);
        users.Subcommands.Add(list);
        return users;
    }
}
