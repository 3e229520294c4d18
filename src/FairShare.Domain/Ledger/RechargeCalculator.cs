using System.Globalization;
using FairShare.Domain.Text;

namespace FairShare.Domain.Ledger;

/// <summary>
/// Works out one period's priced charges, one pure function per mechanism. Each function checks all its input
/// and reports every problem at once; each charge carries the figures it came from. Amounts are rounded once,
/// to the penny with halves away from zero, at the point stated on each function, so that the figures on a
/// statement multiply out to the charge.
/// </summary>
public static class RechargeCalculator
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Usage and time records × the pay-as-you-go rate in force on each record's date.
    /// <para>Rounding rule: records are grouped by (buyer, offering, rate) and each group is rounded once,
    /// as (sum of the group's quantities) × rate. Rounding each record instead would lose or make up to half a
    /// penny per record (print at 3.5p a page); rounding per group keeps the statement's figures consistent —
    /// the listed records add up to the quantity, and quantity × rate rounds to the charge. Records on dates
    /// with different rates (a price change) make separate groups.</para>
    /// </summary>
    /// <remarks>The caller gives <c>rateInForce(offeringId, date)</c>: the pay-as-you-go rate of an offering on a
    /// date, or null when it has none (which is reported).</remarks>
    public static Result<IReadOnlyList<Charge>> ForUsage(
        AccountingPeriod period,
        IEnumerable<UsageRecord> records,
        IReadOnlyDictionary<int, ChargeableOffering> offerings,
        Func<int, DateOnly, decimal?> rateInForce)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(offerings);
        ArgumentNullException.ThrowIfNull(rateInForce);
        var errors = new List<DomainError>();
        var priced = new List<(UsageRecord Record, ChargeableOffering Offering, decimal Rate)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var field = $"usage[{record.RecordId}]";
            if (!seen.Add(record.RecordId))
            {
                errors.Add(new DomainError(field, $"Record {record.RecordId} appears more than once."));
            }
            if (record.Quantity < 0)
            {
                errors.Add(new DomainError(field, $"Record {record.RecordId} has a negative quantity ({Quantity(record.Quantity)})."));
            }
            if (record.Date < period.FirstDay || record.Date > period.LastDay)
            {
                errors.Add(new DomainError(field, $"Record {record.RecordId} is dated {record.Date:yyyy-MM-dd}, outside {period}."));
            }
            if (!offerings.TryGetValue(record.OfferingId, out var offering))
            {
                errors.Add(new DomainError(field, $"Record {record.RecordId} is for offering {record.OfferingId}, which is not a chargeable offering."));
                continue;
            }
            if (rateInForce(record.OfferingId, record.Date) is not { } rate)
            {
                errors.Add(new DomainError(field,
                    $"Record {record.RecordId}: {offering.Name} has no pay-as-you-go rate in force on {record.Date:yyyy-MM-dd}."));
                continue;
            }
            if (rate < 0)
            {
                errors.Add(new DomainError(field, $"Record {record.RecordId}: {English.Possessive(offering.Name)} rate on {record.Date:yyyy-MM-dd} is negative ({PricingTerms.Format(rate)})."));
                continue;
            }
            priced.Add((record, offering, rate));
        }
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<Charge>>.Failure(errors);
        }

        var charges = new List<Charge>();
        var groups = priced
            .GroupBy(p => (p.Record.BuyerCostCentreId, p.Record.OfferingId, p.Rate))
            .OrderBy(g => g.Key.BuyerCostCentreId).ThenBy(g => g.Key.OfferingId).ThenBy(g => g.Key.Rate);
        foreach (var group in groups)
        {
            var ids = group.Select(p => p.Record.RecordId).Order(StringComparer.Ordinal).ToArray();
            if (PriceUsage(group.Key.BuyerCostCentreId, group.First().Offering, group.Sum(p => p.Record.Quantity), group.Key.Rate, ids.Length, ids) is { } charge)
            {
                charges.Add(charge);
            }
        }
        return Result<IReadOnlyList<Charge>>.Success(charges);
    }

    /// <summary>
    /// Usage already totalled per (buyer, offering) for the period — what the monthly run reads, so that two
    /// million records are summed by the database rather than carried as objects. Prices are set per financial
    /// year, so one rate holds for the whole period and the same rounding rule as <see cref="ForUsage"/> applies:
    /// each total is rounded once. The charges carry no record ids; a statement lists the records of its
    /// (buyer, offering, period).
    /// </summary>
    public static Result<IReadOnlyList<Charge>> ForUsageTotals(
        IEnumerable<UsageTotal> totals,
        IReadOnlyDictionary<int, ChargeableOffering> offerings,
        Func<int, decimal?> rateInForce)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(offerings);
        ArgumentNullException.ThrowIfNull(rateInForce);
        var errors = new List<DomainError>();
        var charges = new List<Charge>();
        foreach (var total in totals.OrderBy(t => t.BuyerCostCentreId).ThenBy(t => t.OfferingId))
        {
            var field = $"usage[{total.BuyerCostCentreId}, {total.OfferingId}]";
            if (!offerings.TryGetValue(total.OfferingId, out var offering))
            {
                errors.Add(new DomainError(field, $"Offering {total.OfferingId} is not a chargeable offering."));
                continue;
            }
            var rate = rateInForce(total.OfferingId);
            if (total.Quantity < 0 || total.Records <= 0 || rate is null or < 0)
            {
                errors.Add(new DomainError(field, rate is null
                    ? $"{offering.Name} has no pay-as-you-go rate in force in the period."
                    : $"{offering.Name}: {English.Count(total.Records, "record")} of {Quantity(total.Quantity)} at {PricingTerms.Format(rate.Value)} cannot be priced (a negative quantity or rate)."));
                continue;
            }
            if (PriceUsage(total.BuyerCostCentreId, offering, total.Quantity, rate.Value, total.Records, []) is { } charge)
            {
                charges.Add(charge);
            }
        }
        return errors.Count > 0 ? Result<IReadOnlyList<Charge>>.Failure(errors) : Result<IReadOnlyList<Charge>>.Success(charges);
    }

    /// <summary>One (buyer, offering, rate) group's charge, rounded once; null when it rounds to nothing.</summary>
    private static Charge? PriceUsage(int buyer, ChargeableOffering offering, decimal quantity, decimal rate, int records, IReadOnlyList<string> ids)
    {
        var amount = Money.Round(quantity * rate);
        if (amount == Money.Zero)
        {
            return null;
        }
        var explanation = $"{Quantity(quantity)} {English.Noun(quantity, offering.Unit)} of {offering.Name} at {PricingTerms.Format(rate)} per {offering.Unit} ({English.Count(records, "record")}).";
        return new Charge(buyer, offering.ProviderCostCentreId, offering.OfferingId, amount, ChargeMechanism.PayAsYouGo,
            new ChargeSource(explanation, quantity, rate, ids));
    }

    /// <summary>
    /// Subscriptions: this period's instalment(s) of the annual fee (<see cref="Subscription.Instalments"/>) ×
    /// the number of packages, each rounded once; plus overage, charged as it happens. The included quantity
    /// is the package's × the number of packages. Overage is worked out on the year's use to date:
    /// this period's charge = overage on use to the end of this period − overage on use to the end of the
    /// previous one (each rounded once), so the twelve periods add up exactly to the overage on the year's use,
    /// and use that crosses the included quantity mid-year is charged only for the part beyond it.
    /// </summary>
    public static Result<IReadOnlyList<Charge>> ForSubscriptions(
        AccountingPeriod period,
        IEnumerable<SubscriptionLine> lines,
        IReadOnlyDictionary<int, ChargeableOffering> offerings)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(offerings);
        var errors = new List<DomainError>();
        var charges = new List<Charge>();
        var index = 0;
        foreach (var line in lines)
        {
            var field = $"subscriptions[{index++}]";
            var lineErrors = line.Terms.Validate().Select(e => e with { Field = field + "." + e.Field }).ToList();
            if (line.Packages <= 0)
            {
                lineErrors.Add(new DomainError(field, $"A subscription needs a positive number of packages (got {Quantity(line.Packages)})."));
            }
            if (line.UsageBeforePeriod < 0 || line.UsageInPeriod < 0)
            {
                lineErrors.Add(new DomainError(field, "Use to date and use in the period cannot be negative."));
            }
            if (!offerings.TryGetValue(line.OfferingId, out var offering))
            {
                lineErrors.Add(new DomainError(field, $"Offering {line.OfferingId} is not a chargeable offering."));
            }
            var included = line.Terms.IncludedQuantity * line.Packages;
            var usedToDate = line.UsageBeforePeriod + line.UsageInPeriod;
            if (line.Terms.OverageRate is null && usedToDate > included && line.UsageInPeriod > 0)
            {
                lineErrors.Add(new DomainError(field,
                    $"Cost centre {line.BuyerCostCentreId} has used {Quantity(usedToDate)} against {Quantity(included)} included, and the package has no overage rate."));
            }
            if (lineErrors.Count > 0 || offering is null)
            {
                errors.AddRange(lineErrors);
                continue;
            }

            foreach (var instalment in line.Terms.Instalments().Where(i => i.PeriodNumber == period.Number))
            {
                var amount = Money.Round(instalment.Amount.Pounds * line.Packages);
                if (amount > Money.Zero)
                {
                    var explanation = $"{offering.Name}: {InstalmentName(line.Terms.Schedule)} of the annual fee of {line.Terms.AnnualFee}"
                        + (line.Packages == 1 ? "." : $", × {Quantity(line.Packages)} packages.");
                    charges.Add(new Charge(line.BuyerCostCentreId, offering.ProviderCostCentreId, offering.OfferingId, amount,
                        ChargeMechanism.SubscriptionFee, new ChargeSource(explanation, line.Packages, instalment.Amount.Pounds, [])));
                }
            }

            if (line.Terms.OverageRate is { } rate)
            {
                var overageToDate = Overage(rate, usedToDate, included);
                var overageBefore = Overage(rate, line.UsageBeforePeriod, included);
                var amount = overageToDate - overageBefore;
                if (amount > Money.Zero)
                {
                    var beyondToDate = Math.Max(0, usedToDate - included);
                    var beyondBefore = Math.Max(0, line.UsageBeforePeriod - included);
                    var explanation = $"{offering.Name}: {Quantity(usedToDate)} {English.Noun(usedToDate, offering.Unit)} used this year against {Quantity(included)} included; "
                        + $"{Quantity(beyondToDate - beyondBefore)} more beyond it this period at {PricingTerms.Format(rate)} "
                        + $"(overage to date {overageToDate}, less {overageBefore} charged before).";
                    charges.Add(new Charge(line.BuyerCostCentreId, offering.ProviderCostCentreId, offering.OfferingId, amount,
                        ChargeMechanism.SubscriptionOverage, new ChargeSource(explanation, beyondToDate - beyondBefore, rate, [])));
                }
            }
        }
        return errors.Count > 0 ? Result<IReadOnlyList<Charge>>.Failure(errors) : Result<IReadOnlyList<Charge>>.Success(charges);
    }

    /// <summary>Overage on a year's use to date, rounded once: (use beyond the included quantity) × rate.</summary>
    public static Money Overage(decimal rate, decimal usedToDate, decimal included) =>
        Money.Round(Math.Max(0, usedToDate - included) * rate);

    /// <summary>
    /// Fixed fee plus driver: the annual charge <c>FixedFee + rate × driver value</c> (rounded once), spread
    /// over the twelve periods by <see cref="Money.Allocate"/> with equal weights (odd pence to the earliest
    /// periods), and this period's part taken. With the same driver value all year, the twelve periods add up
    /// exactly to the annual charge; when the driver value changes, each period is its twelfth of the annual
    /// charge at that period's value.
    /// </summary>
    public static Result<IReadOnlyList<Charge>> ForFixedFeePlusDriver(
        AccountingPeriod period,
        IEnumerable<DriverChargeLine> lines,
        IReadOnlyDictionary<int, ChargeableOffering> offerings)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(offerings);
        var errors = new List<DomainError>();
        var charges = new List<Charge>();
        if (period.IsAdjustment)
        {
            return Result<IReadOnlyList<Charge>>.Success(charges); // the year-end adjustment period has no twelfth of any fee
        }
        var index = 0;
        foreach (var line in lines)
        {
            var field = $"drivers[{index++}]";
            var lineErrors = line.Terms.Validate().Select(e => e with { Field = field + "." + e.Field }).ToList();
            if (line.DriverValue < 0)
            {
                lineErrors.Add(new DomainError(field, $"{English.Possessive($"Cost centre {line.BuyerCostCentreId}")} {line.Terms.Driver} value cannot be negative (got {Quantity(line.DriverValue)})."));
            }
            if (!offerings.TryGetValue(line.OfferingId, out var offering))
            {
                lineErrors.Add(new DomainError(field, $"Offering {line.OfferingId} is not a chargeable offering."));
            }
            if (lineErrors.Count > 0 || offering is null)
            {
                errors.AddRange(lineErrors);
                continue;
            }
            var annual = line.Terms.Charge(line.DriverValue);
            var amount = annual.Allocate(Twelfths)[period.Number - 1];
            if (amount > Money.Zero)
            {
                var explanation = $"{offering.Name}: one twelfth of the annual {annual} ({line.Terms.FixedFee} plus "
                    + $"{Quantity(line.DriverValue)} {English.Noun(line.DriverValue, line.Terms.Driver)} at {PricingTerms.Format(line.Terms.RatePerDriverUnit)}).";
                charges.Add(new Charge(line.BuyerCostCentreId, offering.ProviderCostCentreId, offering.OfferingId, amount,
                    ChargeMechanism.FixedFeePlusDriver, new ChargeSource(explanation, line.DriverValue, line.Terms.RatePerDriverUnit, [])));
            }
        }
        return errors.Count > 0 ? Result<IReadOnlyList<Charge>>.Failure(errors) : Result<IReadOnlyList<Charge>>.Success(charges);
    }

    private static readonly decimal[] Twelfths = [.. Enumerable.Repeat(1m, AccountingPeriod.PeriodsPerYear)];

    /// <summary>Direct attributions: each is charged as it is, to its one buyer.</summary>
    public static Result<IReadOnlyList<Charge>> ForDirectAttributions(IEnumerable<DirectAttribution> attributions)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        var errors = new List<DomainError>();
        var charges = new List<Charge>();
        var index = 0;
        foreach (var a in attributions)
        {
            var field = $"attributions[{index++}]";
            if (a.Amount <= Money.Zero)
            {
                errors.Add(new DomainError(field, $"A direct attribution must be a positive amount (got {a.Amount}); correct one by reversing it."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(a.Description))
            {
                errors.Add(new DomainError(field, "Say what the attributed cost is."));
                continue;
            }
            charges.Add(new Charge(a.BuyerCostCentreId, a.ProviderCostCentreId, null, a.Amount, ChargeMechanism.DirectAttribution,
                new ChargeSource($"Attributed directly: {a.Description.Trim()}.")));
        }
        return errors.Count > 0 ? Result<IReadOnlyList<Charge>>.Failure(errors) : Result<IReadOnlyList<Charge>>.Success(charges);
    }

    /// <summary>
    /// Apportionment: each amount is split over its buyers in proportion to their driver values by
    /// <see cref="Money.Allocate"/> (largest remainder), so the parts add up exactly to the amount. Buyers are
    /// taken in ascending cost centre id, so an odd penny on a tie goes to the lower id.
    /// </summary>
    public static Result<IReadOnlyList<Charge>> ForApportionments(IEnumerable<Apportionment> apportionments)
    {
        ArgumentNullException.ThrowIfNull(apportionments);
        var errors = new List<DomainError>();
        var charges = new List<Charge>();
        var index = 0;
        foreach (var a in apportionments)
        {
            var field = $"apportionments[{index++}]";
            var buyers = a.DriverValues.OrderBy(kv => kv.Key).ToArray();
            var lineErrors = new List<DomainError>();
            if (a.Amount <= Money.Zero)
            {
                lineErrors.Add(new DomainError(field, $"An apportionment must be a positive amount (got {a.Amount})."));
            }
            if (buyers.Any(b => b.Value < 0))
            {
                lineErrors.Add(new DomainError(field, $"Driver values cannot be negative (cost centres {string.Join(", ", buyers.Where(b => b.Value < 0).Select(b => b.Key))})."));
            }
            else if (buyers.Sum(b => b.Value) <= 0)
            {
                lineErrors.Add(new DomainError(field, $"{a.Description}: no buyer has any {a.Driver}, so the cost has nowhere to go."));
            }
            if (lineErrors.Count > 0)
            {
                errors.AddRange(lineErrors);
                continue;
            }
            var total = buyers.Sum(b => b.Value);
            var parts = a.Amount.Allocate([.. buyers.Select(b => b.Value)]);
            for (var i = 0; i < buyers.Length; i++)
            {
                if (parts[i] > Money.Zero)
                {
                    var explanation = $"{a.Description}: {a.Amount} apportioned by {a.Driver}, {Quantity(buyers[i].Value)} of {Quantity(total)}.";
                    charges.Add(new Charge(buyers[i].Key, a.ProviderCostCentreId, null, parts[i], ChargeMechanism.Apportionment,
                        new ChargeSource(explanation, buyers[i].Value, null, [])));
                }
            }
        }
        return errors.Count > 0 ? Result<IReadOnlyList<Charge>>.Failure(errors) : Result<IReadOnlyList<Charge>>.Success(charges);
    }

    /// <summary>
    /// All charges as one balanced transaction: for each (cost centre, account) one posting, the buyers' debits
    /// on 6000 and the providers' credits on 9000 added up, in cost centre then account order. The statement
    /// lines are the charges themselves; the journal carries the totals a general ledger wants.
    /// </summary>
    public static Result<JournalTransaction> ToJournal(JournalHeader header, IEnumerable<Charge> charges, PeriodState period)
    {
        ArgumentNullException.ThrowIfNull(charges);
        var postings = charges.SelectMany(c => c.Postings())
            .GroupBy(p => (p.CostCentreId, p.AccountCode))
            .Select(g => new Posting(g.Key.CostCentreId, g.Key.AccountCode, new Money(g.Sum(p => p.Amount.Pence))))
            .Where(p => p.Amount != Money.Zero)
            .OrderBy(p => p.CostCentreId).ThenBy(p => p.AccountCode, StringComparer.Ordinal);
        return JournalTransaction.Create(header, postings, period);
    }

    private static string InstalmentName(InvoiceSchedule schedule) => schedule switch
    {
        InvoiceSchedule.Monthly => "monthly instalment",
        InvoiceSchedule.Annual => "annual invoice",
        InvoiceSchedule.SevenTwelfthsFiveTwelfths => "7/12 + 5/12 instalment",
        _ => "instalment",
    };

    private static string Quantity(decimal q) => q.ToString("#,##0.####", Uk);
}
