using System.Globalization;
using System.Text;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Exports;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <summary>The journal of the period's posted run, or of one numbered batch (a run's journals or a reversal's).</summary>
public sealed record ExportJournalRequest(string? Period, int? Batch = null);

/// <summary>
/// A batch's journal as a file the general ledger imports, with the batch number and control totals to check the
/// load by, and the journal chain's head after the batch (<see cref="LedgerSeal"/>): kept with the load, it lets
/// <c>fairshare verify</c> later prove the journals are still the ones sent.
/// </summary>
public sealed record JournalExport(string FileName, string Csv, int RunId, int? Batch, int Lines, Money Debits, Money Credits, bool Sent, string? ChainHead = null);

/// <summary>The period's posted run as a CSV journal a council's ledger imports: it balances, debits and credits in pounds.</summary>
public sealed class ExportJournal(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<JournalExport>> HandleAsync(ExportJournalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadLedger, "export the recharge journal") is { } forbidden)
        {
            return Outcome<JournalExport>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        JournalBatchRow? batch;
        int runId;
        AccountingPeriod accounting;
        if (request.Batch is { } number)
        {
            batch = await db.JournalBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == number && b.AuthorityId == tenant.AuthorityId, cancellationToken);
            if (batch is null)
            {
                return Outcome<JournalExport>.NotFound($"There is no journal batch {number}.");
            }
            runId = batch.RechargeRunId;
            accounting = new FinancialYear(batch.FinancialYearStart, tenant.YearStartMonth).Period(batch.PeriodNumber);
        }
        else
        {
            var period = PeriodLedger.Parse(request.Period, tenant);
            if (!period.IsSuccess)
            {
                return Outcome<JournalExport>.Invalid(period.Errors);
            }
            accounting = period.Value;
            var run = await PeriodLedger.PostedRunAsync(db, tenant.AuthorityId, accounting, cancellationToken);
            if (run is null)
            {
                return Outcome<JournalExport>.Refused($"{accounting.Month} has no posted run to export.", "period");
            }
            runId = run.Id;
            batch = await db.JournalBatches.AsNoTracking().FirstOrDefaultAsync(b => b.RechargeRunId == run.Id && b.Kind == JournalBatchKind.Run, cancellationToken);
        }
        var reversal = batch?.Kind == JournalBatchKind.Reversal;
        var codes = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == tenant.AuthorityId).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var journals = await db.JournalEntries.AsNoTracking().Where(j => j.RechargeRunId == runId && (reversal ? j.ReversesId != null : j.ReversesId == null))
            .ToDictionaryAsync(j => j.Id, j => j.Description, cancellationToken);
        var ids = journals.Keys.ToList();
        var postings = (await db.Postings.AsNoTracking().Where(p => ids.Contains(p.JournalEntryId)).ToListAsync(cancellationToken))
            .Select(p => new { Id = p.JournalEntryId, Description = journals[p.JournalEntryId], p.CostCentreId, p.AccountCode, p.AmountPence, PostingId = p.Id }).ToList();
        var sb = new StringBuilder(CsvText.Line("period", "costCentre", "account", "debit", "credit", "description", "runId")).Append("\r\n");
        // Posting ids last: the order they were posted in, so the same run always exports the same file (PostgreSQL returns rows in no set order).
        foreach (var p in postings.OrderBy(p => p.Id).ThenBy(p => codes[p.CostCentreId], StringComparer.Ordinal).ThenBy(p => p.AccountCode, StringComparer.Ordinal).ThenBy(p => p.PostingId))
        {
            var amount = new Money(Math.Abs(p.AmountPence)).ToPlainString();
            sb.Append(CsvText.Line(accounting.Month, codes[p.CostCentreId], p.AccountCode, p.AmountPence > 0 ? amount : "", p.AmountPence < 0 ? amount : "",
                p.Description, runId.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }
        var debits = new Money(postings.Where(p => p.AmountPence > 0).Sum(p => p.AmountPence));
        var credits = new Money(-postings.Where(p => p.AmountPence < 0).Sum(p => p.AmountPence));
        var sent = batch is not null && await db.JournalBatchEvents.AsNoTracking().AnyAsync(e => e.JournalBatchId == batch.Id && e.Kind == JournalBatchEventRow.Sent, cancellationToken);
        var name = $"recharge-journal-{accounting.Month.Replace('/', '-')}" + (batch is null ? "" : $"-batch-{batch.Id}") + ".csv";
        return new JournalExport(name, sb.ToString(), runId, batch?.Id, postings.Count, debits, credits, sent, batch?.ChainHead);
    }
}
