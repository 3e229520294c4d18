using System.CommandLine;
using FairShare.Features.Setup;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary><c>fairshare init</c>: start a council without the demo — the authority and its first administrator.</summary>
public static class InitCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var name = new Option<string>("--name") { Description = "The authority's name, e.g. \"Northshire County Council\".", Required = true };
        var code = new Option<string>("--code") { Description = "A short code for it (up to 20 letters, digits or hyphens), e.g. NCC; refused when an authority has it.", Required = true };
        var month = new Option<int>("--year-start-month") { Description = "The month its financial year starts, 1 to 12 (UK councils: 4, April).", DefaultValueFactory = _ => 4 };
        var email = new Option<string>("--admin-email") { Description = "The first administrator's email address: their user name.", Required = true };
        var adminName = new Option<string>("--admin-name") { Description = "The first administrator's name as FairShare shows it.", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the administrator's password (12 characters or more) from the first line of standard input, never from an argument. " +
                "Left out: the administrator signs in through the council's identity provider.",
        };
        var init = new Command("init",
            "Create an authority and its first administrator, without the demo (the web app's /setup page does the same). " +
            "There is no API for this: no one holds an API token before the authority exists. Audited.");
        foreach (var option in new Option[] { name, code, month, email, adminName, passwordStdin })
        {
            init.Options.Add(option);
        }
        init.SetAction(async (parse, ct) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await global.Stdin.ReadLineAsync(ct))?.TrimEnd('\r');
                if (string.IsNullOrEmpty(password))
                {
                    await stderr.WriteLineAsync("fairshare: password: --password-stdin was given but standard input held no password.");
                    return CliOutcome.Invalid;
                }
            }
            await using var scope = global.Services(parse);
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<InitialiseAuthority>().HandleAsync(new InitialiseAuthorityRequest(
                parse.GetValue(name)!, parse.GetValue(code)!, parse.GetValue(month), parse.GetValue(email)!, parse.GetValue(adminName)!, password), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, done => done.Message);
        });
        return init;
    }
}
