using System.CommandLine;
using FairShare.Domain.Text;
using FairShare.Features.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary><c>fairshare verify</c>: the ledger's and the audit log's tamper evidence checked; exit 0 when intact, 6 when anything was altered.</summary>
public static class VerifyCommand
{
    public const int NotIntact = 6;

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("verify",
            "Check the ledger and the audit log of the authority: every journal's, posting's and audit entry's seal, the links and numbering of both chains, "
            + $"that every journal balances, and that every journal batch's control totals and chain head still match its journals. Exit 0 when intact, {NotIntact} when anything was altered (each finding is listed).");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().HandleAsync(new VerifyLedgerRequest(), ct);
            var intact = true;
            var code = await CliOutcome.WriteAsync(outcome, stderr, async v =>
            {
                intact = v.Intact;
                await stdout.WriteLineAsync($"{v.Authority}: {English.Count(v.Journals, "journal")} ({English.Count((int)v.Postings, "posting")}), "
                    + $"{English.Count((int)v.AuditEntries, "audit entry", "audit entries")} and {English.Count(v.Batches, "journal batch", "journal batches")} checked.");
                if (v.Intact)
                {
                    await stdout.WriteLineAsync("Intact: every seal, link and balance holds, and every batch's control totals and chain head match its journals.");
                }
                else
                {
                    await stdout.WriteLineAsync($"NOT INTACT: {English.Count(v.FindingsTotal, "finding")}{(v.FindingsTotal > v.Findings.Count ? $", the first {v.Findings.Count} shown" : "")}.");
                    foreach (var finding in v.Findings)
                    {
                        await stdout.WriteLineAsync($"  {finding}");
                    }
                }
                await stdout.WriteLineAsync($"Journal chain head: {v.JournalHead}");
                await stdout.WriteLineAsync($"Audit chain head:   {v.AuditHead}");
            });
            return code == CliOutcome.Ok && !intact ? NotIntact : code;
        });
        return command;
    }
}
