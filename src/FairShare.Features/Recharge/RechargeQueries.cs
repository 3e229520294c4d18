using System.Globalization;
using System.Text;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Features.Access;
using FairShare.Features.Exports;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

internal static class RechargeQueries
{
    public static async Task<PeriodState> PeriodStateAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct)
    {
        var closed = await db.PeriodStatuses.AsNoTracking().AnyAsync(p => p.AuthorityId == authorityId && p.FinancialYearStart == period.Year.StartYear
            && p.PeriodNumber == period.Number && p.Closed, ct);
        return closed ? PeriodState.Closed(authorityId, period) : PeriodState.Open(authorityId, period);
    }

    public static JournalEntryRow ToRow(JournalTransaction journal, int? runId, long? reverses = null) => new()
    {
        AuthorityId = journal.AuthorityId,
        FinancialYearStart = journal.Period.Year.StartYear,
        PeriodNumber = journal.Period.Number,
        SourceKind = journal.Source.Kind.ToString(),
        SourceReference = journal.Source.Reference,
        Description = journal.Description,
        CreatedBy = journal.RecordedBy,
        CreatedAt = journal.RecordedAt,
        RechargeRunId = runId,
        ReversesId = reverses,
        Postings = journal.Postings.Select(p => new PostingRow
        {
            AuthorityId = journal.AuthorityId,
            CostCentreId = p.CostCentreId,
            AccountCode = p.AccountCode,
            AmountPence = p.Amount.Pence,
            Description = journal.Description,
        }).ToList(),
    };

    /// <summary>
    /// Writes journal transactions inside the caller's transaction: their headers through EF (a handful), then
    /// their postings in bulk (a large authority's run has tens of thousands).
    /// </summary>
    public static async Task SaveJournalsAsync(FairShareDbContext db, IReadOnlyList<JournalEntryRow> journals, CancellationToken ct)
    {
        var postings = journals.Select(j => j.Postings).ToList();
        foreach (var journal in journals)
        {
            journal.Postings = [];
            db.JournalEntries.Add(journal);
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < journals.Count; i++)
        {
            postings[i].ForEach(p => p.JournalEntryId = journals[i].Id);
        }
        await BulkInsert.WriteAsync(db, postings.SelectMany(p => p).ToList(), ct);
    }

    public static async Task<RechargeRunRow?> PostedRunAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct) =>
        await db.RechargeRuns.AsNoTracking().FirstOrDefaultAsync(r => r.AuthorityId == authorityId && r.FinancialYearStart == period.Year.StartYear
            && r.PeriodNumber == period.Number && r.Status == RechargeRunStatus.Posted, ct);
}

public sealed record RunListing(int Id, string Period, string Status, string Method, DateTimeOffset PostedAt, string PostedBy, DateTimeOffset? ReversedAt, bool PeriodClosed);

/// <summary>Reverse a posted run, close a period, list runs and export a run's journal: the finance officer's month end.</summary>
public sealed class RechargeLedger(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Reverses the period's posted run with exact reversing journals; the period can then be run again.</summary>
    public async Task<int> ReverseAsync(string period, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "reverse the recharge");
        var tenant = tenants.Current;
        var accounting = RechargePeriods.Parse(period, tenant.YearStartMonth);
        var state = await RechargeQueries.PeriodStateAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        if (state.IsClosed)
        {
            throw new ValidationFailedException([new DomainError("period", $"{accounting.Month} is closed; its run stays as posted.")]);
        }
        var run = await db.RechargeRuns.FirstOrDefaultAsync(r => r.AuthorityId == tenant.AuthorityId && r.FinancialYearStart == accounting.Year.StartYear
            && r.PeriodNumber == accounting.Number && r.Status == RechargeRunStatus.Posted, cancellationToken)
            ?? throw new ValidationFailedException([new DomainError("period", $"{accounting.Month} has no posted run to reverse.")]);
        var journals = await db.JournalEntries.AsNoTracking().Include(j => j.Postings).Where(j => j.RechargeRunId == run.Id && j.ReversesId == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reversals = new List<JournalEntryRow>();
        foreach (var journal in journals)
        {
            var original = JournalTransaction.Create(
                new JournalHeader(tenant.AuthorityId, accounting, JournalSource.Run(journal.SourceReference), journal.Description, journal.CreatedBy, journal.CreatedAt),
                journal.Postings.Select(p => new Posting(p.CostCentreId, p.AccountCode, new Money(p.AmountPence))), state).Value;
            var reversal = original.Reverse(state, tenants.Actor.Name, now, $"reversal of run {run.Id}");
            if (!reversal.IsSuccess)
            {
                throw new ValidationFailedException(reversal.Errors);
            }
            reversals.Add(RechargeQueries.ToRow(reversal.Value, run.Id, journal.Id));
        }
        await RechargeQueries.SaveJournalsAsync(db, reversals, cancellationToken);
        run.Status = RechargeRunStatus.Reversed;
        run.ReversedAt = now;
        run.ReversedBy = tenants.Actor.Name;
        audit.Record("recharge.reverse", "RechargeRun", run.Id, new { Period = accounting.Month, Status = "Posted" }, new { Period = accounting.Month, Status = "Reversed" });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>Closes a period whose recharge is posted; nothing can be posted or imported into it afterwards.</summary>
    public async Task CloseAsync(string period, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "close periods");
        var tenant = tenants.Current;
        var accounting = RechargePeriods.Parse(period, tenant.YearStartMonth);
        var state = await RechargeQueries.PeriodStateAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        var posted = await RechargeQueries.PostedRunAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        var closed = state.Close(posted is not null);
        if (!closed.IsSuccess)
        {
            throw new ValidationFailedException(closed.Errors);
        }
        db.PeriodStatuses.Add(new PeriodStatusRow
        {
            AuthorityId = tenant.AuthorityId,
            FinancialYearStart = accounting.Year.StartYear,
            PeriodNumber = accounting.Number,
            Closed = true,
            ClosedAt = clock.GetUtcNow(),
            ClosedBy = tenants.Actor.Name,
        });
        audit.Record("period.close", "Period", accounting.Month, new { Period = accounting.Month, Closed = false }, new { Period = accounting.Month, Closed = true, Run = posted!.Id });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "see recharge runs");
        var tenant = tenants.Current;
        var runs = await db.RechargeRuns.AsNoTracking().Where(r => r.AuthorityId == tenant.AuthorityId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var closed = (await db.PeriodStatuses.AsNoTracking().Where(p => p.AuthorityId == tenant.AuthorityId && p.Closed).ToListAsync(cancellationToken))
            .Select(p => (p.FinancialYearStart, p.PeriodNumber)).ToHashSet();
        return runs.Select(r => new RunListing(r.Id, new FinancialYear(r.FinancialYearStart, tenant.YearStartMonth).Period(r.PeriodNumber).Month,
            r.Status.ToString(), r.Method, r.PostedAt, r.PostedBy, r.ReversedAt, closed.Contains((r.FinancialYearStart, r.PeriodNumber)))).ToArray();
    }

    /// <summary>The period's posted run as a CSV journal a council's ledger imports: it balances, debits and credits in pounds.</summary>
    public async Task<string> ExportJournalAsync(string period, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "export the recharge journal");
        var tenant = tenants.Current;
        var accounting = RechargePeriods.Parse(period, tenant.YearStartMonth);
        var run = await RechargeQueries.PostedRunAsync(db, tenant.AuthorityId, accounting, cancellationToken)
            ?? throw new ValidationFailedException([new DomainError("period", $"{accounting.Month} has no posted run to export.")]);
        var codes = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == tenant.AuthorityId).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var journals = await db.JournalEntries.AsNoTracking().Where(j => j.RechargeRunId == run.Id && j.ReversesId == null)
            .ToDictionaryAsync(j => j.Id, j => j.Description, cancellationToken);
        var ids = journals.Keys.ToList();
        var postings = (await db.Postings.AsNoTracking().Where(p => ids.Contains(p.JournalEntryId)).ToListAsync(cancellationToken))
            .Select(p => new { Id = p.JournalEntryId, Description = journals[p.JournalEntryId], p.CostCentreId, p.AccountCode, p.AmountPence, PostingId = p.Id });
        var sb = new StringBuilder(CsvText.Line("period", "costCentre", "account", "debit", "credit", "description", "runId")).Append("\r\n");
        foreach (var p in postings.OrderBy(p => p.Id).ThenBy(p => codes[p.CostCentreId], StringComparer.Ordinal).ThenBy(p => p.AccountCode, StringComparer.Ordinal).ThenBy(p => p.PostingId))
        {
            // (Posting ids last: the order they were posted in, so the same run always exports the same file; PostgreSQL returns rows in no set order.)
            var amount = new Money(Math.Abs(p.AmountPence)).ToPlainString();
            sb.Append(CsvText.Line(accounting.Month, codes[p.CostCentreId], p.AccountCode, p.AmountPence > 0 ? amount : "", p.AmountPence < 0 ? amount : "",
                p.Description, run.Id.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }
        return sb.ToString();
    }
}
