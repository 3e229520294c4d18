namespace FairShare.Domain;

/// <summary>
/// What a support service costs for a year: its budget, and last year's actual costs including what it bought
/// from other support services. The budget is the cost base when there is one; otherwise last year's actuals.
/// </summary>
public sealed record CostBase(Money? Budget, Money LastYearActualCosts, Money LastYearBoughtIn)
{
    public Money LastYearTotal => LastYearActualCosts + LastYearBoughtIn;

    public Money Amount => Budget ?? LastYearTotal;

    public string Basis => Budget is not null ? "the year's budget" : "last year's actual costs, including support bought from other services";
}

/// <summary>The calculator's answer: the full-cost rate, and what the price set would recover at the expected volume.</summary>
public sealed record PriceCheck(
    Money CostBase,
    string Basis,
    decimal ExpectedVolume,
    decimal FullCostRate,
    decimal? PriceRate,
    Money? Income,
    Money? Surplus,
    string Verdict);

/// <summary>Cost base ÷ expected volume = the full-cost rate, and whether a price recovers cost at that volume. Pure arithmetic.</summary>
public static class PriceCalculator
{
    public static Result<PriceCheck> Check(CostBase cost, decimal expectedVolume, PricingTerms? price, string unit)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (expectedVolume <= 0)
        {
            return Result<PriceCheck>.Failure("expectedVolume", $"must be more than zero {unit}s to divide the cost base by (got {expectedVolume}).");
        }
        if (cost.Amount < Money.Zero)
        {
            return Result<PriceCheck>.Failure("costBase", $"is negative ({cost.Amount}); there is no cost to recover.");
        }
        var rate = decimal.Round(cost.Amount.Pounds / expectedVolume, PricingTerms.RateDecimals, MidpointRounding.AwayFromZero);
        var unitPrice = price?.ComparableUnitPrice;
        if (unitPrice is not { } p)
        {
            var why = price is null ? "No price is set yet, so there is nothing to check." : "Quoted for each job: recovery depends on the quotes given.";
            return Result<PriceCheck>.Success(new PriceCheck(cost.Amount, cost.Basis, expectedVolume, rate, null, null, null, why));
        }
        var income = Money.Round(p * expectedVolume);
        var surplus = income - cost.Amount;
        var verdict = surplus >= Money.Zero
            ? $"Recovers cost: a surplus of {surplus} at {expectedVolume:0.####} {unit}s."
            : $"Does not recover cost: a shortfall of {Money.Zero - surplus} at {expectedVolume:0.####} {unit}s.";
        return Result<PriceCheck>.Success(new PriceCheck(cost.Amount, cost.Basis, expectedVolume, rate, p, income, surplus, verdict));
    }
}
