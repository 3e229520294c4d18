using System.CommandLine;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>People and their roles (administrators).</summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout)
    {
        var email = new Option<string>("--email") { Description = "Their email address: their user name, and how the council's identity provider is matched.", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as FairShare shows it.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Enum.GetNames<Role>())}.", Required = true };
        var costCentre = new Option<string?>("--cost-centre") { Description = "Cost centre code, for budget holders and providers." };
        var supplier = new Option<string?>("--supplier") { Description = "Supplier code, for suppliers." };
        var password = new Option<string?>("--password") { Description = "A password for local sign-in (12 characters or more); leave out for identity-provider sign-in." };
        var add = new Command("add", "Create an account in the authority with one role.");
        foreach (var option in new Option[] { email, name, role, costCentre, supplier, password })
        {
            add.Options.Add(option);
        }
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var errors = new List<DomainError>();
            if (!Enum.TryParse<Role>(parse.GetValue(role), ignoreCase: true, out var parsedRole))
            {
                errors.Add(new DomainError("--role", $"'{parse.GetValue(role)}' is not one of {string.Join(", ", Enum.GetNames<Role>())}."));
            }
            var (costCentreId, supplierId) = await scope.ServiceProvider.GetRequiredService<ScopeCodes>()
                .ResolveAsync(parse.GetValue(costCentre), parse.GetValue(supplier), errors, ct);
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }
            var user = await scope.ServiceProvider.GetRequiredService<Users>().CreateAsync(
                new UserInput(parse.GetValue(email)!, parse.GetValue(name)!, parsedRole, costCentreId, supplierId, parse.GetValue(password)), ct);
            await stdout.WriteLineAsync($"Created {user.Email} ({user.Name}) as {AccessPolicy.Describe(parsedRole)}.");
            return 0;
        });
        var list = new Command("list", "List the authority's people and roles.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumns("Email", "Name", "Roles", "Locked out");
            foreach (var u in await scope.ServiceProvider.GetRequiredService<Users>().ListAsync(ct))
            {
                table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.Name), string.Join(", ", u.Roles.Select(r => AccessPolicy.Describe(r.Role))), u.LockedOut ? "yes" : "");
            }
            GlobalOptions.Console(stdout).Write(table);
            return 0;
        });
        var users = new Command("users", "Manage people and their roles (administrators).");
        users.Subcommands.Add(add);
        users.Subcommands.Add(list);
        return users;
    }
}
