using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <summary>Actual costs per cost centre, subjective account and period, from the general ledger: one amount each.</summary>
internal sealed class CostImport : KeyedImport<CostImport.Row, (AccountingPeriod, int, string)>
{
    /// <summary>The subjective accounts a general ledger reports actuals on: expenditure and external income.</summary>
    public static IReadOnlyList<string> ImportableAccounts { get; } = ["1000", "2000", "3000", "4000", "5000", "9100"];

    internal sealed class Row
    {
        public AccountingPeriod Period;
        public int CostCentre;
        public string Account = "";
        public decimal Amount;
    }

    private static readonly ImportRules<Row> Columns = new(
        [
            Imports.Columns.Period<Row>("period", (r, v) => r.Period = v),
            Imports.Columns.CostCentre<Row>("costCentre", "the cost centre the ledger booked it to", (r, v) => r.CostCentre = v),
            new Column<Row>("account", $"the subjective account: one of {string.Join(", ", ImportableAccounts)}", (r, text, at) =>
            {
                if (ChartOfAccounts.Find(text) is { } account && ImportableAccounts.Contains(account.Code))
                {
                    r.Account = account.Code;
                }
                else
                {
                    at.Problem("account", text, $"is not an account the general ledger reports; use one of {string.Join(", ", ImportableAccounts)}.");
                }
            }),
            Imports.Columns.Number<Row>("amount", NumberBounds.LedgerAmount, (r, v) => r.Amount = v),
        ],
        []);

    public override ImportKind Kind => ImportKind.Costs;

    protected override ImportRules<Row> Rules => Columns;

    protected override string Repeat => "has an amount for this cost centre and period already";

    protected override (AccountingPeriod, int, string) Key(Row row) => (row.Period, row.CostCentre, row.Account);

    protected override AccountingPeriod PeriodOf(Row row) => row.Period;

    protected override (string Column, string Value) Shown(Row row) => ("account", row.Account);

    protected override decimal Amount(Row row) => row.Amount;

    protected override async Task<IReadOnlyList<((AccountingPeriod, int, string) Key, int Import)>> HeldAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken cancellationToken) =>
        [.. (await db.CostActuals.AsNoTracking()
                .Where(c => c.AuthorityId == authorityId && c.FinancialYearStart == period.Year.StartYear && c.PeriodNumber == period.Number)
                .Select(c => new { c.CostCentreId, c.Account, c.ImportBatchId }).ToListAsync(cancellationToken))
            .Select(c => ((period, c.CostCentreId, c.Account), c.ImportBatchId))];

    protected override void Add(FairShareDbContext db, Row row, int authorityId, int batchId) =>
        db.CostActuals.Add(new CostActual(authorityId, batchId, row.Period, row.CostCentre, row.Account, Money.FromPounds(row.Amount)));
}
