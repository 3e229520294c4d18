using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <summary>Driver values per cost centre and period (FTE, pupils, m²…): one value per cost centre, driver and period.</summary>
internal sealed class DriverImport : KeyedImport<DriverImport.Row, (AccountingPeriod, int, string)>
{
    /// <summary>A driver's name: at most this many characters (the database column's width).</summary>
    public const int MaxDriver = 40;

    internal sealed class Row
    {
        public AccountingPeriod Period;
        public int CostCentre;
        public string Driver = "";
        public decimal Value;
    }

    private static readonly ImportRules<Row> Columns = new(
        [
            Imports.Columns.Period<Row>("period", (r, v) => r.Period = v),
            Imports.Columns.CostCentre<Row>("costCentre", "the cost centre measured", (r, v) => r.CostCentre = v),
            Imports.Columns.Text<Row>("driver", MaxDriver, required: true, "what is counted: FTE, pupils, m², devices…", (r, v) => r.Driver = v),
            Imports.Columns.Number<Row>("value", NumberBounds.DriverValue, (r, v) => r.Value = v),
        ],
        []);

    public override ImportKind Kind => ImportKind.Drivers;

    protected override ImportRules<Row> Rules => Columns;

    protected override string Repeat => "has a value for this cost centre and period already";

    protected override (AccountingPeriod, int, string) Key(Row row) => (row.Period, row.CostCentre, row.Driver.ToLowerInvariant());

    protected override AccountingPeriod PeriodOf(Row row) => row.Period;

    protected override (string Column, string Value) Shown(Row row) => ("driver", row.Driver);

    protected override decimal Amount(Row row) => row.Value;

    protected override async Task<IReadOnlyList<((AccountingPeriod, int, string) Key, int Import)>> HeldAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken cancellationToken) =>
        [.. (await db.DriverValues.AsNoTracking()
                .Where(d => d.AuthorityId == authorityId && d.FinancialYearStart == period.Year.StartYear && d.PeriodNumber == period.Number)
                .Select(d => new { d.CostCentreId, d.Driver, d.ImportBatchId }).ToListAsync(cancellationToken))
            .Select(d => ((period, d.CostCentreId, d.Driver.ToLowerInvariant()), d.ImportBatchId))];

    protected override void Add(FairShareDbContext db, Row row, int authorityId, int batchId) =>
        db.DriverValues.Add(new DriverValue(authorityId, batchId, row.Period, row.CostCentre, row.Driver, row.Value));
}
