using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <summary>What the two-person rule (<see cref="TwoPersonRule"/>) needs loaded: the setting, the dry run a post rests on, and a run's figures.</summary>
internal static class TwoPeople
{
    public static Task<bool> RequiredAsync(FairShareDbContext db, int authorityId, CancellationToken ct) =>
        db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.RequiresTwoPeople).SingleAsync(ct);

    /// <summary>The dry runs recorded for the period, oldest first.</summary>
    public static async Task<IReadOnlyList<PreparedDryRun>> DryRunsAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct) =>
        [.. (await db.RechargeDryRuns.AsNoTracking()
            .Where(d => d.AuthorityId == authorityId && d.FinancialYearStart == period.Year.StartYear && d.PeriodNumber == period.Number)
            .OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d => new PreparedDryRun(d.PreparedById, d.PreparedBy, d.PreparedAt, d.Figures))];

    /// <summary>The dry run a posted run rests on, as recorded on it (null: posted while the rule was off).</summary>
    public static PreparedDryRun? Of(RechargeRunRow? run) =>
        run?.PreparedById is { } id ? new PreparedDryRun(id, run.PreparedBy ?? "", default, "") : null;

    /// <summary>SHA-256 over the summary and every posting, so the same figures give the same digest and any other figure another.</summary>
    public static string Figures(RechargeRunSummary summary, MonthlyRechargeResult result)
    {
        var text = new StringBuilder(JsonSerializer.Serialize(summary, FairShareJson.Compact)).Append('\n');
        foreach (var journal in result.Journals)
        {
            text.Append(journal.Description).Append('\n');
            foreach (var p in journal.Postings)
            {
                text.Append(CultureInfo.InvariantCulture, $"{p.CostCentreId}|{p.AccountCode}|{p.Amount.Pence}\n");
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
