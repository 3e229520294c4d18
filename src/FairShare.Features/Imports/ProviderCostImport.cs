using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <summary>
/// A support service's costs passed on: direct attributions (to one buyer) or apportionments (over every cost
/// centre by a driver's values in the period). The same period, provider, buyer or driver, amount and
/// description is the same cost: it is imported once.
/// </summary>
internal sealed class ProviderCostImport : KeyedImport<ProviderCostImport.Row, (AccountingPeriod, int, string, decimal, string)>
{
    /// <summary>A description: at most this many characters (the database column's width); it is shown on buyers' statements.</summary>
    public const int MaxDescription = 200;

    public static ProviderCostImport Attributions { get; } = new(ImportKind.Attributions);

    public static ProviderCostImport Apportionments { get; } = new(ImportKind.Apportionments);

    internal sealed class Row
    {
        public AccountingPeriod Period;
        public int Provider;
        public int? Buyer;
        public string? Driver;
        public decimal Amount;
        public string Description = "";
    }

    private readonly ImportRules<Row> rules;

    private ProviderCostImport(ImportKind kind)
    {
        Kind = kind;
        Column<Row> target = kind == ImportKind.Attributions
            ? Columns.CostCentre<Row>("buyer", "the cost centre the cost belongs to", (r, v) => r.Buyer = v)
            : Columns.Text<Row>("driver", DriverImport.MaxDriver, required: true, "the driver it is spread by (FTE, m², devices…), with values imported for the period", (r, v) => r.Driver = v);
        rules = new ImportRules<Row>(
            [
                Columns.Period<Row>("period", (r, v) => r.Period = v),
                Columns.CostCentre<Row>("provider", "the support service passing the cost on", (r, v) => r.Provider = v),
                target,
                Columns.Number<Row>("amount", NumberBounds.ProviderCost, (r, v) => r.Amount = v),
                Columns.Text<Row>("description", MaxDescription, required: true, "what the cost is, for the buyer's statement", (r, v) => r.Description = v),
            ],
            [
                (r, cells, at) =>
                {
                    if (r.Provider != 0 && !at.Context.IsSupport(r.Provider))
                    {
                        at.Problem("provider", rules!.Cell(cells, "provider"), "is not a support service; only support services pass costs on.");
                    }
                    if (r.Provider != 0 && r.Buyer == r.Provider)
                    {
                        at.Problem("buyer", rules!.Cell(cells, "buyer"), "is the provider itself; a cost attributed to yourself is not a charge.");
                    }
                },
            ]);
    }

    public override ImportKind Kind { get; }

    protected override ImportRules<Row> Rules => rules;

    protected override string Repeat => "is the same cost (period, provider, " + (Kind == ImportKind.Attributions ? "buyer" : "driver") + ", amount and description) as one held already";

    protected override (AccountingPeriod, int, string, decimal, string) Key(Row row) =>
        (row.Period, row.Provider, row.Buyer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? row.Driver!.ToLowerInvariant(), row.Amount, row.Description.ToLowerInvariant());

    protected override AccountingPeriod PeriodOf(Row row) => row.Period;

    protected override (string Column, string Value) Shown(Row row) => ("description", row.Description);

    protected override decimal Amount(Row row) => row.Amount;

    protected override async Task<IReadOnlyList<((AccountingPeriod, int, string, decimal, string) Key, int Import)>> HeldAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken cancellationToken) =>
        [.. (await db.ProviderCosts.AsNoTracking()
                .Where(c => c.AuthorityId == authorityId && c.FinancialYearStart == period.Year.StartYear && c.PeriodNumber == period.Number)
                .Select(c => new { c.ProviderCostCentreId, c.BuyerCostCentreId, c.Driver, c.Amount, c.Description, c.ImportBatchId }).ToListAsync(cancellationToken))
            .Select(c => ((period, c.ProviderCostCentreId, c.BuyerCostCentreId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? c.Driver!.ToLowerInvariant(), c.Amount.Pounds, c.Description.ToLowerInvariant()), c.ImportBatchId))];

    protected override void Add(FairShareDbContext db, Row row, int authorityId, int batchId) =>
        db.ProviderCosts.Add(new ProviderCost(authorityId, batchId, row.Period, row.Provider, row.Buyer, row.Driver, Money.FromPounds(row.Amount), row.Description));
}
