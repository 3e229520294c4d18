using System.CommandLine;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using FairShare.Features.Inputs;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>People and their roles (administrators): list, add, change, disable, enable, reset-link, import.</summary>
public static class UsersCommand
{
    private const string CostCentresHelp = "Cost centre codes, for budget holders and providers: a budget holder may hold several, separated by commas (e.g. F-OP,F-LIB).";

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var users = new Command("users", "Manage people and their roles (administrators).");
        users.Subcommands.Add(Add(global, stdout, stderr));
        users.Subcommands.Add(List(global, stdout, stderr));
        users.Subcommands.Add(Change(global, stdout, stderr));
        users.Subcommands.Add(Toggle(global, stdout, stderr, "disable",
            "Disable an account: its sessions end at once and it cannot sign in (not your own, not the last administrator).",
            (s, id, ct) => s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(id), ct), p => $"Disabled {p.Email}: any session it had has ended."));
        users.Subcommands.Add(Toggle(global, stdout, stderr, "enable", "Enable a disabled account.",
            (s, id, ct) => s.GetRequiredService<EnableUser>().HandleAsync(new EnableUserRequest(id), ct), p => $"Enabled {p.Email}: they can sign in again."));
        users.Subcommands.Add(ResetLink(global, stdout, stderr));
        users.Subcommands.Add(Import(global, stdout, stderr));
        return users;
    }

    private static Argument<string> EmailArgument() => new("email") { Description = "The account's email address." };

    private static Command Add(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var email = new Option<string>("--email") { Description = "Their email address: their user name, and how the council's identity provider is matched.", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as FairShare shows it.", Required = true };
        var roles = new RoleOptions();
        roles.CostCentre.Description = CostCentresHelp;
        var password = new Option<string?>("--password") { Description = "A password for local sign-in (12 characters or more); leave out for identity-provider sign-in or a reset link." };
        var add = new Command("add", "Create an account in the authority with a role (a budget holder of several cost centres holds it for each).");
        foreach (var option in roles.All.Prepend(name).Prepend(email).Append(password))
        {
            add.Options.Add(option);
        }
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var errors = new List<DomainError>();
            var grants = await scope.ServiceProvider.GetRequiredService<ScopeCodes>()
                .GrantsAsync(parse.GetValue(roles.Role), parse.GetValue(roles.CostCentre), parse.GetValue(roles.Supplier), errors, ct);
            var outcome = errors.Count == 0
                ? await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUserRequest(
                    parse.GetValue(email)!, parse.GetValue(name)!, grants[0].Role, grants[0].CostCentreId, grants[0].SupplierId, parse.GetValue(password), [.. grants.Skip(1)]), ct)
                : Outcome<UserSummary>.Invalid(AsOptions(errors));
            return await CliOutcome.WriteAsync(outcome, stdout, stderr,
                user => $"Created {user.Email} ({user.Name}) as {string.Join(", ", user.Roles.Select(r => AccessPolicy.Describe(r.Role)).Distinct())}.");
        });
        return add;
    }

    private static Command List(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var list = new Command("list", "List the authority's people: roles with their scope, last sign-in and state.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest(), ct);
            return await CliOutcome.WriteAsync(outcome, stderr, people =>
            {
                var table = new Table { Border = TableBorder.Simple };
                table.AddColumns("Id", "Email", "Name", "Roles", "Last sign-in", "State");
                foreach (var p in people)
                {
                    table.AddRow(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(p.Email), Markup.Escape(p.Name),
                        Markup.Escape(string.Join("; ", p.Roles.Select(r => r.Described))),
                        p.LastSignInAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "never", p.State);
                }
                GlobalOptions.Console(stdout).Write(table);
                return Task.CompletedTask;
            });
        });
        return list;
    }

    private static Command Change(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var email = EmailArgument();
        var name = new Option<string?>("--name") { Description = "Their new name." };
        var newEmail = new Option<string?>("--new-email") { Description = "Their new email address." };
        var role = new Option<string?>("--role") { Description = $"Replace all their roles with this one: {string.Join(", ", Slugs.All<Role>())}." };
        var costCentre = new Option<string?>("--cost-centre") { Description = CostCentresHelp };
        var supplier = new Option<string?>("--supplier") { Description = "Supplier code, for suppliers (e.g. SUP-BRIGHT)." };
        var unlink = new Option<bool>("--unlink-identity-provider") { Description = "Forget the link to the council's identity provider; the next sign-in there is matched by email." };
        var change = new Command("change", "Change an account's name, email or roles, or unlink it from the identity provider.");
        change.Arguments.Add(email);
        foreach (var option in new Option[] { name, newEmail, role, costCentre, supplier, unlink })
        {
            change.Options.Add(option);
        }
        change.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var services = scope.ServiceProvider;
            var id = await IdOfAsync(services, parse.GetValue(email)!, ct);
            var errors = new List<DomainError>();
            IReadOnlyList<RoleGrant>? grants = null;
            if (parse.GetValue(role) is not null || parse.GetValue(costCentre) is not null || parse.GetValue(supplier) is not null)
            {
                grants = await services.GetRequiredService<ScopeCodes>().GrantsAsync(parse.GetValue(role), parse.GetValue(costCentre), parse.GetValue(supplier), errors, ct);
            }
            var outcome = !id.IsOk ? Outcome<Person>.From(id)
                : errors.Count > 0 ? Outcome<Person>.Invalid(errors)
                : await services.GetRequiredService<ChangeUser>().HandleAsync(
                    new ChangeUserRequest(id.Value, parse.GetValue(name), parse.GetValue(newEmail), grants, parse.GetValue(unlink)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, p => $"Changed {p.Email} ({p.Name}): {string.Join("; ", p.Roles.Select(r => r.Described))}.");
        });
        return change;
    }

    private static Command Toggle(GlobalOptions global, TextWriter stdout, TextWriter stderr, string verb, string description,
        Func<IServiceProvider, int, CancellationToken, Task<Outcome<Person>>> handle, Func<Person, string> done)
    {
        var email = EmailArgument();
        var command = new Command(verb, description);
        command.Arguments.Add(email);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var id = await IdOfAsync(scope.ServiceProvider, parse.GetValue(email)!, ct);
            var outcome = id.IsOk ? await handle(scope.ServiceProvider, id.Value, ct) : Outcome<Person>.From(id);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, done);
        });
        return command;
    }

    private static Command ResetLink(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var email = EmailArgument();
        var site = new Option<string>("--site") { Description = "The address people open FairShare at, for the link.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var command = new Command("reset-link", $"Make a one-time link to set a local password, valid {PasswordResetLink.ValidHours} hours; printed once. No email is sent.");
        command.Arguments.Add(email);
        command.Options.Add(site);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var id = await IdOfAsync(scope.ServiceProvider, parse.GetValue(email)!, ct);
            var outcome = id.IsOk
                ? await scope.ServiceProvider.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(id.Value), ct)
                : Outcome<PasswordResetIssued>.From(id);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, issued =>
                $"Reset link for {issued.Email}, working once until {issued.ExpiresAt:yyyy-MM-dd HH:mm} UTC, shown this once:\n"
                + $"{parse.GetValue(site)!.TrimEnd('/')}/reset-password?token={issued.Secret}\n"
                + "No email is sent: give this link to the person yourself.");
        });
        return command;
    }

    private static Command Import(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = $"A CSV file with the columns {string.Join(",", ImportUsers.Columns)}, one role a row." };
        var apply = new Option<bool>("--apply") { Description = "Add the accounts (all or nothing); without it the file is only checked and previewed." };
        var encoding = new Option<string?>("--encoding") { Description = "How the file's text is written: utf-8 (the default) or windows-1252 (Excel's plain \"CSV\")." };
        var command = new Command("import", "Import accounts from CSV: a preview, then with --apply all or nothing.");
        command.Arguments.Add(file);
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
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportUsers>().HandleAsync(
                new ImportUsersRequest(path.Name, await File.ReadAllBytesAsync(path.FullName, ct), !parse.GetValue(apply), textEncoding.Value), ct);
            if (outcome.Kind == OutcomeKind.Invalid)
            {
                await stderr.WriteLineAsync($"fairshare: {path.Name}: no one was added: {Domain.Text.English.Count(outcome.Errors.Count, "problem")}.");
            }
            return await CliOutcome.WriteAsync(outcome, stderr, async result =>
            {
                foreach (var p in result.People)
                {
                    await stdout.WriteLineAsync($"line {p.Line}: {p.Email} ({p.Name}): {string.Join("; ", p.Roles.Select(r => r.Described))}");
                }
                await stdout.WriteLineAsync(result.Message + (result.Applied ? "" : " Run again with --apply to add them."));
            });
        });
        return command;
    }

    /// <summary>The id of the authority's account with this email.</summary>
    private static async Task<Outcome<int>> IdOfAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        var people = await services.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest(), ct);
        if (!people.IsOk)
        {
            return Outcome<int>.From(people);
        }
        var normalised = UserAccount.Normalise(email);
        return people.Value.FirstOrDefault(p => UserAccount.Normalise(p.Email) == normalised) is { } person
            ? person.Id
            : Outcome<int>.NotFound($"There is no account with the email {email.Trim()} in this authority.");
    }

    /// <summary>A role the command line could not read is named as its option, as the command line's other errors are.</summary>
    private static List<DomainError> AsOptions(List<DomainError> errors) =>
        [.. errors.Select(e => e.Field == "role" ? e with { Field = "--role" } : e)];
}
