using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Persistence.Ledger;

namespace FairShare.Features.Recharge;

/// <summary>A numbered batch for the general ledger, as people see it: what it holds, its control totals, and whether it was sent.</summary>
public sealed record JournalBatchListing(int Batch, int RunId, string Kind, string Period, int Lines, Money Debits, Money Credits, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string? SentBy, string? LedgerReference, string ChainHead)
{
    public bool Sent => SentAt is not null;
}

internal static class JournalBatches
{
    /// <summary>The batch a run's journals (or their reversal) make, with control totals worked out from the journals themselves.</summary>
    public static JournalBatchRow Of(int authorityId, int runId, JournalBatchKind kind, AccountingPeriod period, IReadOnlyList<JournalTransaction> journals, string by, DateTimeOffset at, string chainHead)
    {
        var postings = journals.SelectMany(j => j.Postings).ToList();
        return new JournalBatchRow
        {
            AuthorityId = authorityId,
            RechargeRunId = runId,
            Kind = kind,
            FinancialYearStart = period.Year.StartYear,
            PeriodNumber = period.Number,
            Lines = postings.Count,
            DebitsPence = postings.Where(p => p.IsDebit).Sum(p => p.Amount.Pence),
            CreditsPence = -postings.Where(p => p.IsCredit).Sum(p => p.Amount.Pence),
            CreatedAt = at,
            CreatedBy = by,
            ChainHead = chainHead,
        };
    }

    public static JournalBatchListing Listing(JournalBatchRow b, JournalBatchEventRow? sent, int yearStartMonth) =>
        new(b.Id, b.RechargeRunId, b.Kind == JournalBatchKind.Run ? "run" : "reversal", new FinancialYear(b.FinancialYearStart, yearStartMonth).Period(b.PeriodNumber).Month,
            b.Lines, new Money(b.DebitsPence), new Money(b.CreditsPence), b.CreatedAt, sent?.At, sent?.By, sent?.LedgerReference, b.ChainHead);
}
