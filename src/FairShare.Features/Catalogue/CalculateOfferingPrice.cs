using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Catalogue;

/// <summary>
/// The calculator beside the price form: a year, the expected volume (last year's quantity bought when left out)
/// and the price to check (the year's draft, else its published price, when left out).
/// </summary>
public sealed record CalculateOfferingPriceRequest(int OfferingId, int FinancialYear, decimal? ExpectedVolume = null, OfferingPriceInput? Price = null);

/// <summary>The cost base and volumes behind a full-cost rate, and the check of the price against them.</summary>
public sealed record PriceCalculation(
    string Offering,
    string Unit,
    string FinancialYear,
    string LastYear,
    Money? Budget,
    Money LastYearActualCosts,
    Money LastYearBoughtIn,
    decimal LastYearVolume,
    string? PriceChecked,
    PriceCheck Check);

/// <summary>
/// The provider's cost base for the year — its cost centre's budget, and last year's actual costs from the ledger
/// plus what it bought from other support services in last year's posted recharges — divided by the expected
/// volume: the full-cost rate, and whether the price recovers cost at that volume (£ surplus or shortfall).
/// </summary>
public sealed class CalculateOfferingPrice(FairShareDbContext db, ProviderShop shop)
{
    public async Task<Outcome<PriceCalculation>> HandleAsync(CalculateOfferingPriceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await shop.LoadAsync(request.OfferingId, Permission.SetOfferingPrices, "see the price calculator", "price", cancellationToken);
        if (!loaded.IsOk)
        {
            return Outcome<PriceCalculation>.From(loaded);
        }
        var offering = loaded.Value;
        var year = Inputs.Parse.FinancialYear(request.FinancialYear, shop.Tenant.YearStartMonth, "financialYear");
        Result<PricingTerms>? terms = request.Price?.ToTerms();
        List<DomainError> errors = [.. year.Errors, .. terms?.Errors ?? []];
        if (errors.Count > 0)
        {
            return Outcome<PriceCalculation>.Invalid(errors);
        }
        if (offering.ProviderCostCentreId is not { } provider)
        {
            return Outcome<PriceCalculation>.Refused($"{offering.Code} is an external supplier's offering; the calculator is for support services' own costs.");
        }
        var authorityId = shop.Tenant.AuthorityId;
        int thisYear = year.Value.StartYear, lastYear = thisYear - 1;
        var budget = (await db.Budgets.AsNoTracking()
            .FirstOrDefaultAsync(b => b.AuthorityId == authorityId && b.CostCentreId == provider && b.FinancialYearStart == thisYear, cancellationToken))?.Amount;
        var actuals = (await db.CostActuals.AsNoTracking()
            .Where(c => c.AuthorityId == authorityId && c.CostCentreId == provider && c.FinancialYearStart == lastYear)
            .Select(c => c.Amount).ToListAsync(cancellationToken)).Aggregate(Money.Zero, (a, b) => a + b);
        var postedRuns = db.RechargeRuns.Where(r => r.AuthorityId == authorityId && r.FinancialYearStart == lastYear && r.Status == RechargeRunStatus.Posted)
            .Select(r => r.Id);
        var boughtIn = new Money(await db.RechargeLines.AsNoTracking()
            .Where(l => l.AuthorityId == authorityId && l.BuyerCostCentreId == provider && l.ProviderCostCentreId != provider && postedRuns.Contains(l.RechargeRunId))
            .SumAsync(l => l.AmountPence, cancellationToken));
        var volume = (await db.UsageSummaries.AsNoTracking()
            .Where(u => u.AuthorityId == authorityId && u.OfferingId == offering.Id && u.FinancialYearStart == lastYear)
            .Select(u => u.Quantity).ToListAsync(cancellationToken)).Sum();
        var price = terms?.Value ?? (offering.DraftFor(year.Value) ?? offering.PriceFor(year.Value))?.Terms;
        var check = PriceCalculator.Check(new CostBase(budget, actuals, boughtIn), request.ExpectedVolume ?? volume, price, offering.Unit);
        if (!check.IsSuccess)
        {
            return Outcome<PriceCalculation>.Invalid(check.Errors);
        }
        return new PriceCalculation($"{offering.Code} {offering.Name}", offering.Unit, year.Value.Label, year.Value.Previous.Label,
            budget, actuals, boughtIn, CatalogueReader.Normalise(volume) ?? 0, price?.Describe(offering.Unit), check.Value);
    }
}
