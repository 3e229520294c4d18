using System.Globalization;
using FairShare.Domain.Text;

namespace FairShare.Domain;

public enum PricingModel
{
    PayAsYouGo,
    Subscription,
    FixedFeePlusDriver,
    Quoted,
}

public enum InvoiceSchedule
{
    /// <summary>Twelve equal instalments, one each period.</summary>
    Monthly,

    /// <summary>The whole fee invoiced in the first period of the year.</summary>
    Annual,

    /// <summary>7/12 of the fee in period 1 and 5/12 in period 8: the split councils use when schools buy
    /// on an academic-year basis (September–March falls in one financial year, April–August in the next).</summary>
    SevenTwelfthsFiveTwelfths,

    /// <summary>Four equal instalments, in periods 1, 4, 7 and 10.</summary>
    Quarterly,
}

/// <summary>One invoice of a subscription: the period it falls in and its amount.</summary>
public sealed record Instalment(int PeriodNumber, Money Amount);

/// <summary>
/// How an offering is priced. Each model computes its charge exactly: rates may carry fractions of a penny
/// (print at 3.5p a page), so a charge is computed in <see cref="decimal"/> and rounded once, to the
/// nearest penny with halves away from zero (<see cref="Money.Round"/>).
/// </summary>
public abstract record PricingTerms
{
    /// <summary>Unit rates may carry up to four decimal places of a pound (hundredths of a penny).</summary>
    public const int RateDecimals = 4;

    public abstract PricingModel Model { get; }

    /// <summary>A price per unit for side-by-side comparison, or null where there is none (quoted work).</summary>
    public abstract decimal? ComparableUnitPrice { get; }

    /// <summary>The pricing in words, as a budget holder would read it.</summary>
    public abstract string Describe(string unit);

    /// <summary>Every reason these terms cannot be offered; empty when they are sound.</summary>
    public abstract IReadOnlyList<DomainError> Validate();

    protected static IEnumerable<DomainError> CheckRate(string field, decimal rate)
    {
        if (rate < 0)
        {
            yield return new DomainError(field, $"cannot be negative (got {Format(rate)}).");
        }
        if (decimal.Round(rate, RateDecimals) != rate)
        {
            yield return new DomainError(field, $"has more than {RateDecimals} decimal places (got {rate.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    protected static IEnumerable<DomainError> CheckFee(string field, Money fee)
    {
        if (fee < Money.Zero)
        {
            yield return new DomainError(field, $"cannot be negative (got {fee}).");
        }
    }

    protected static Money Times(decimal rate, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return Money.Round(rate * quantity);
    }

    /// <summary>£1.14, or £0.035 when the rate carries fractions of a penny.</summary>
    public static string Format(decimal rate)
    {
        var pounds = Money.IsWholePence(rate) ? rate.ToString("#,##0.00", CultureInfo.GetCultureInfo("en-GB"))
                                              : rate.ToString("#,##0.00##", CultureInfo.GetCultureInfo("en-GB"));
        return (rate < 0 ? "-£" : "£") + pounds.TrimStart('-');
    }

    protected static string Quantity(decimal q) => q.ToString("#,##0.####", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>Rate × quantity.</summary>
public sealed record PayAsYouGo(decimal Rate) : PricingTerms
{
    public override PricingModel Model => PricingModel.PayAsYouGo;
    public override decimal? ComparableUnitPrice => Rate;

    public Money Charge(decimal quantity) => Times(Rate, quantity);

    public override string Describe(string unit) => $"Pay as you go: {Format(Rate)} per {unit}.";

    public override IReadOnlyList<DomainError> Validate() => CheckRate("rate", Rate).ToList();
}

/// <summary>
/// An annual package: a fee that covers <see cref="IncludedQuantity"/> units a year, with units beyond it
/// charged at <see cref="OverageRate"/>; the fee is invoiced on <see cref="Schedule"/>.
/// </summary>
public sealed record Subscription(Money AnnualFee, decimal IncludedQuantity, decimal? OverageRate, InvoiceSchedule Schedule)
    : PricingTerms
{
    public override PricingModel Model => PricingModel.Subscription;

    /// <summary>The fee per included unit; a package with no included quantity is priced per year.</summary>
    public override decimal? ComparableUnitPrice =>
        IncludedQuantity > 0 ? decimal.Round(AnnualFee.Pounds / IncludedQuantity, RateDecimals, MidpointRounding.AwayFromZero) : AnnualFee.Pounds;

    /// <summary>Units used beyond the included quantity, charged at the overage rate.</summary>
    public Money Overage(decimal quantityUsed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantityUsed);
        var excess = Math.Max(0, quantityUsed - IncludedQuantity);
        if (excess > 0 && OverageRate is null)
        {
            throw new InvalidOperationException(
                $"{Quantity(quantityUsed)} units used against {Quantity(IncludedQuantity)} included, and this package has no overage rate.");
        }
        return excess == 0 ? Money.Zero : Times(OverageRate!.Value, excess);
    }

    /// <summary>The year's charge for a quantity used: the fee plus any overage.</summary>
    public Money AnnualCharge(decimal quantityUsed) => AnnualFee + Overage(quantityUsed);

    /// <summary>The fee split into invoices that add up exactly to it (odd pence go to the earliest instalment).</summary>
    public IReadOnlyList<Instalment> Instalments()
    {
        switch (Schedule)
        {
            case InvoiceSchedule.Annual:
                return [new Instalment(1, AnnualFee)];
            case InvoiceSchedule.Monthly:
                var months = AnnualFee.Allocate(Enumerable.Repeat(1m, AccountingPeriod.PeriodsPerYear).ToArray());
                return months.Select((amount, i) => new Instalment(i + 1, amount)).ToArray();
            case InvoiceSchedule.Quarterly:
                var quarters = AnnualFee.Allocate([1m, 1m, 1m, 1m]);
                return quarters.Select((amount, i) => new Instalment((i * 3) + 1, amount)).ToArray();
            case InvoiceSchedule.SevenTwelfthsFiveTwelfths:
                var parts = AnnualFee.Allocate([7m, 5m]);
                return [new Instalment(1, parts[0]), new Instalment(8, parts[1])];
            default:
                throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, "Unknown invoice schedule.");
        }
    }

    public override string Describe(string unit)
    {
        var included = IncludedQuantity > 0 ? $", including {Quantity(IncludedQuantity)} {English.Noun(IncludedQuantity, unit)} a year" : "";
        var overage = OverageRate is { } r ? $"; beyond that, {Format(r)} per {unit}"
            : IncludedQuantity > 0 ? "; no use beyond the included quantity" : "";
        var schedule = Schedule switch
        {
            InvoiceSchedule.Monthly => "invoiced monthly in 12 equal instalments",
            InvoiceSchedule.Annual => "invoiced annually in April",
            InvoiceSchedule.Quarterly => "invoiced quarterly in 4 equal instalments",
            _ => "invoiced 7/12 in April and 5/12 in November",
        };
        return $"Subscription: {AnnualFee} a year{included}{overage}; {schedule}.";
    }

    public override IReadOnlyList<DomainError> Validate()
    {
        var errors = CheckFee("annualFee", AnnualFee).ToList();
        if (IncludedQuantity < 0)
        {
            errors.Add(new DomainError("includedQuantity", $"cannot be negative (got {Quantity(IncludedQuantity)})."));
        }
        if (OverageRate is { } rate)
        {
            errors.AddRange(CheckRate("overageRate", rate));
            if (IncludedQuantity <= 0)
            {
                errors.Add(new DomainError("overageRate", "an overage rate needs an included quantity for it to apply beyond."));
            }
        }
        if (!Enum.IsDefined(Schedule))
        {
            errors.Add(new DomainError("schedule", $"'{Schedule}' is not an invoice schedule."));
        }
        return errors;
    }
}

/// <summary>A fixed fee plus a rate per unit of a driver, e.g. £466.14 plus £1.14 per pupil.</summary>
public sealed record FixedFeePlusDriver(Money FixedFee, decimal RatePerDriverUnit, string Driver) : PricingTerms
{
    public override PricingModel Model => PricingModel.FixedFeePlusDriver;
    public override decimal? ComparableUnitPrice => RatePerDriverUnit;

    public Money Charge(decimal driverValue) => FixedFee + Times(RatePerDriverUnit, driverValue);

    public override string Describe(string unit) =>
        $"Fixed fee plus driver: {FixedFee} plus {Format(RatePerDriverUnit)} per {Driver}.";

    public override IReadOnlyList<DomainError> Validate()
    {
        var errors = CheckFee("fixedFee", FixedFee).Concat(CheckRate("ratePerDriverUnit", RatePerDriverUnit)).ToList();
        if (string.IsNullOrWhiteSpace(Driver))
        {
            errors.Add(new DomainError("driver", "name the driver the rate applies to (pupil, FTE, device…)."));
        }
        else if (Driver.Length > 100)
        {
            errors.Add(new DomainError("driver", "is longer than 100 characters."));
        }
        return errors;
    }
}

/// <summary>Bespoke work priced per job by quotation; an indicative hourly rate may guide buyers. There is no
/// unit price to compare: each job is priced on its own.</summary>
public sealed record Quoted(decimal? IndicativeHourlyRate) : PricingTerms
{
    public override PricingModel Model => PricingModel.Quoted;
    public override decimal? ComparableUnitPrice => null;

    /// <summary>A quoted job is charged exactly what was agreed.</summary>
    public static Money Charge(Money agreedQuote)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agreedQuote.Pence, 0);
        return agreedQuote;
    }

    public override string Describe(string unit) => IndicativeHourlyRate is { } r
        ? $"Quoted per {unit}; indicative rate {Format(r)} an hour."
        : $"Quoted per {unit}.";

    public override IReadOnlyList<DomainError> Validate() =>
        IndicativeHourlyRate is { } r ? CheckRate("indicativeHourlyRate", r).ToList() : [];
}
