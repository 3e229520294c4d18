using FairShare.Domain.Ledger;

namespace FairShare.Domain.Tests.Ledger;

/// <summary>Test data for the ledger: an authority, a period, headers and postings.</summary>
internal static class LedgerBuilders
{
    public const int AuthorityId = 7;

    public static readonly DateTimeOffset Now = new(2026, 6, 3, 9, 30, 0, TimeSpan.Zero);

    public static AccountingPeriod May2026 { get; } = new FinancialYear(2026).Period(2);

    /// <summary>
    /// The one place the tests make a <see cref="PeriodState"/>: when the accounting-period state table replaces
    /// it, this helper alone changes. Open May 2026 of <see cref="AuthorityId"/> unless told otherwise.
    /// </summary>
    public static PeriodState PeriodStateOf(AccountingPeriod? period = null, bool closed = false, int authorityId = AuthorityId) =>
        closed ? PeriodState.Closed(authorityId, period ?? May2026) : PeriodState.Open(authorityId, period ?? May2026);

    public static PeriodState OpenMay => PeriodStateOf();

    public static JournalHeader Header(string reference = "run 12", AccountingPeriod? period = null) =>
        new(AuthorityId, period ?? May2026, JournalSource.Run(reference), "Monthly recharge", "finance.officer@example.gov.uk", Now);

    public static Posting P(int costCentre, string account, long pence) => new(costCentre, account, new Money(pence));

    public static Money Pounds(decimal pounds) => Money.FromPounds(pounds);
}
