using FairShare.Domain.Ledger;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

public class RechargeCalculatorTests
{
    private const int Legal = 1;
    private const int Print = 2;
    private const int Housing = 10;
    private const int Waste = 11;

    private static readonly Dictionary<int, ChargeableOffering> Offerings = new()
    {
        [100] = new ChargeableOffering(100, Legal, "Legal advice", "hour"),
        [200] = new ChargeableOffering(200, Print, "Black and white print", "page"),
        [300] = new ChargeableOffering(300, Legal, "Contracts package", "contract"),
        [400] = new ChargeableOffering(400, Print, "Schools print service", "pupil"),
    };

    private static UsageRecord Usage(string id, int buyer, int offering, decimal quantity, int day = 10) =>
        new(id, buyer, offering, quantity, new DateOnly(2026, 5, day), "JOB-" + id, "provider.staff");

    private static decimal? Rates(int offering, DateOnly date) => offering switch
    {
        100 => 92.50m,
        200 => date.Day < 15 ? 0.035m : 0.04m,
        _ => null,
    };

    [Fact]
    public void Usage_IsChargedPerBuyerAndOfferingAtTheRateInForce_ListingItsRecords()
    {
        var records = new[] { Usage("r1", Housing, 100, 2.5m), Usage("r2", Housing, 100, 4m), Usage("r3", Waste, 100, 1m) };

        var charges = RechargeCalculator.ForUsage(May2026, records, Offerings, Rates).Value;

        Assert.Equal(2, charges.Count);
        var housing = charges[0];
        Assert.Equal((Housing, Legal, 100, 60_125L), (housing.BuyerCostCentreId, housing.ProviderCostCentreId, housing.OfferingId!.Value, housing.Amount.Pence));
        Assert.Equal(ChargeMechanism.PayAsYouGo, housing.Mechanism);
        Assert.Equal(6.5m, housing.Source.Quantity);
        Assert.Equal(92.50m, housing.Source.UnitPrice);
        Assert.Equal(["r1", "r2"], housing.Source.RecordIds);
        Assert.Equal("6.5 hours of Legal advice at £92.50 per hour (2 records).", housing.Source.Explanation);
        Assert.Equal(9_250, charges[1].Amount.Pence);
    }

    [Fact]
    public void Usage_IsRoundedOncePerGroupNotPerRecord()
    {
        // Three pages at 3.5p: per record each would round to 4p (12p); the group is 10.5p, which rounds to 11p.
        var records = new[] { Usage("a", Housing, 200, 1), Usage("b", Housing, 200, 1), Usage("c", Housing, 200, 1) };

        var charge = Assert.Single(RechargeCalculator.ForUsage(May2026, records, Offerings, Rates).Value);

        Assert.Equal(11, charge.Amount.Pence);
    }

    [Fact]
    public void UsageTotals_PriceExactlyAsTheirRecordsWould_AndRefuseWhatCannotBePriced()
    {
        var records = new[] { Usage("a", Housing, 200, 1), Usage("b", Housing, 200, 1), Usage("c", Housing, 200, 1), Usage("d", Waste, 100, 2.25m) };
        var totals = records.GroupBy(r => (r.BuyerCostCentreId, r.OfferingId))
            .Select(g => new UsageTotal(g.Key.BuyerCostCentreId, g.Key.OfferingId, g.Sum(r => r.Quantity), g.Count()));
        decimal? MayRate(int offering) => Rates(offering, May2026.FirstDay);

        var fromTotals = RechargeCalculator.ForUsageTotals(totals, Offerings, MayRate).Value;
        var fromRecords = RechargeCalculator.ForUsage(May2026, records, Offerings, Rates).Value;

        Assert.Equal(fromRecords.Select(c => (c.BuyerCostCentreId, c.OfferingId, c.Amount, c.Source.Explanation)),
            fromTotals.Select(c => (c.BuyerCostCentreId, c.OfferingId, c.Amount, c.Source.Explanation)));
        var refused = RechargeCalculator.ForUsageTotals([new UsageTotal(Housing, 300, 1, 1), new UsageTotal(Housing, 999, 1, 1)], Offerings, MayRate);
        Assert.Equal(2, refused.Errors.Count);
    }

    [Fact]
    public void Usage_AtTwoRatesInOnePeriod_MakesOneChargePerRate()
    {
        var records = new[] { Usage("early", Housing, 200, 1000, day: 2), Usage("late", Housing, 200, 1000, day: 20) };

        var charges = RechargeCalculator.ForUsage(May2026, records, Offerings, Rates).Value;

        Assert.Equal([3_500L, 4_000L], charges.Select(c => c.Amount.Pence));
        Assert.Equal([["early"], ["late"]], charges.Select(c => c.Source.RecordIds));
    }

    [Fact]
    public void Usage_ReportsEveryBadRecordAtOnce()
    {
        var records = new[]
        {
            Usage("neg", Housing, 100, -1),
            new UsageRecord("june", Housing, 100, 1, new DateOnly(2026, 6, 1), null, "x"),
            Usage("unknown", Housing, 999, 1),
            Usage("unpriced", Housing, 300, 1),
            Usage("dup", Housing, 100, 1),
            Usage("dup", Housing, 100, 1),
        };

        var result = RechargeCalculator.ForUsage(May2026, records, Offerings, Rates);

        Assert.Equal(5, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Message.Contains("negative quantity", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("outside 2026/27 P02", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("not a chargeable offering", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("no pay-as-you-go rate in force", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("more than once", StringComparison.Ordinal));
    }

    private static SubscriptionLine Sub(Subscription terms, decimal packages = 1, decimal before = 0, decimal inPeriod = 0) =>
        new(Housing, 300, packages, terms, before, inPeriod);

    [Fact]
    public void Subscription_SevenTwelfthsFiveTwelfths_ChargesAprilAndNovemberOnly()
    {
        var terms = new Subscription(Pounds(1_000m), 10m, null, InvoiceSchedule.SevenTwelfthsFiveTwelfths);
        var year = new FinancialYear(2026);

        var perPeriod = year.Periods
            .Select(p => RechargeCalculator.ForSubscriptions(p, [Sub(terms, packages: 2)], Offerings).Value.Sum(c => c.Amount.Pence))
            .ToList();

        // £1,000 × 7/12 = £583.33 and × 5/12 = £416.67 (the odd penny to the larger remainder), each × 2 packages.
        Assert.Equal([116_666L, 0, 0, 0, 0, 0, 0, 83_334, 0, 0, 0, 0], perPeriod);
        Assert.Equal(200_000L, perPeriod.Sum());
    }

    [Fact]
    public void Subscription_Monthly_ChargesTwelveInstalmentsThatAddUpToTheFee()
    {
        var terms = new Subscription(Pounds(1_000.05m), 0m, null, InvoiceSchedule.Monthly);

        var perPeriod = new FinancialYear(2026).Periods
            .Select(p => Assert.Single(RechargeCalculator.ForSubscriptions(p, [Sub(terms)], Offerings).Value))
            .ToList();

        Assert.All(perPeriod, c => Assert.Equal(ChargeMechanism.SubscriptionFee, c.Mechanism));
        Assert.Equal(100_005L, perPeriod.Sum(c => c.Amount.Pence));
        Assert.Equal(8_334L, perPeriod[0].Amount.Pence);
        Assert.Equal(8_333L, perPeriod[11].Amount.Pence);
    }

    [Fact]
    public void SubscriptionOverage_CrossingTheIncludedQuantityMidYear_IsChargedOnlyBeyondItAndAddsUpOverTheYear()
    {
        // 100 contracts included, £2.50 each beyond; 12 used every month: the 100th is passed in period 9.
        var terms = new Subscription(Pounds(1_200m), 100m, 2.50m, InvoiceSchedule.Annual);
        var overage = new List<long>();
        foreach (var p in new FinancialYear(2026).Periods)
        {
            var charges = RechargeCalculator.ForSubscriptions(p, [Sub(terms, before: 12 * (p.Number - 1), inPeriod: 12)], Offerings).Value;
            overage.Add(charges.Where(c => c.Mechanism == ChargeMechanism.SubscriptionOverage).Sum(c => c.Amount.Pence));
        }

        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 0, 2_000, 3_000, 3_000, 3_000], overage);
        Assert.Equal(terms.Overage(144).Pence, overage.Sum());
    }

    [Fact]
    public void SubscriptionOverage_ScalesTheIncludedQuantityByPackages()
    {
        var terms = new Subscription(Pounds(1_200m), 100m, 2.50m, InvoiceSchedule.Annual);

        var charges = RechargeCalculator.ForSubscriptions(May2026, [Sub(terms, packages: 2, before: 190, inPeriod: 20)], Offerings).Value;

        var overage = Assert.Single(charges);
        Assert.Equal(2_500, overage.Amount.Pence); // 210 used against 200 included: 10 × £2.50
        Assert.Equal(10m, overage.Source.Quantity);
    }

    [Fact]
    public void SubscriptionOverage_AtAFractionalRate_SumsExactlyOverTwelvePeriods()
    {
        var terms = new Subscription(Pounds(0m), 1_000m, 0.035m, InvoiceSchedule.Annual);
        var monthly = new[] { 90m, 101m, 77m, 313m, 1m, 5m, 999m, 3m, 7m, 11m, 13m, 17m };
        var before = 0m;
        long total = 0;
        for (var n = 1; n <= 12; n++)
        {
            var p = new FinancialYear(2026).Period(n);
            total += RechargeCalculator.ForSubscriptions(p, [Sub(terms, before: before, inPeriod: monthly[n - 1])], Offerings).Value.Sum(c => c.Amount.Pence);
            before += monthly[n - 1];
        }

        Assert.Equal(terms.Overage(monthly.Sum()).Pence, total);
    }

    [Fact]
    public void Subscription_UseBeyondTheIncludedQuantityWithoutAnOverageRate_IsReported()
    {
        var terms = new Subscription(Pounds(1_200m), 100m, null, InvoiceSchedule.Monthly);

        var result = RechargeCalculator.ForSubscriptions(May2026, [Sub(terms, before: 95, inPeriod: 10)], Offerings);

        Assert.Contains("no overage rate", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedFeePlusDriver_SpreadsTheAnnualChargeOverTwelvePeriodsExactly()
    {
        // £466 + 250 pupils × £1.14 = £751.00 a year; £62.58 a month with the 4 odd pence in periods 1–4.
        var terms = new FixedFeePlusDriver(Pounds(466m), 1.14m, "pupil");
        var line = new DriverChargeLine(Housing, 400, terms, 250);

        var perPeriod = new FinancialYear(2026).Periods
            .Select(p => Assert.Single(RechargeCalculator.ForFixedFeePlusDriver(p, [line], Offerings).Value))
            .ToList();

        Assert.Equal([6_259L, 6_259, 6_259, 6_259, 6_258, 6_258, 6_258, 6_258, 6_258, 6_258, 6_258, 6_258], perPeriod.Select(c => c.Amount.Pence));
        Assert.Equal(75_100L, perPeriod.Sum(c => c.Amount.Pence));
        Assert.Equal(terms.Charge(250), new Money(perPeriod.Sum(c => c.Amount.Pence)));
        Assert.Equal(Print, perPeriod[0].ProviderCostCentreId);
        Assert.Contains("250 pupils at £1.14", perPeriod[0].Source.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedFeePlusDriver_RefusesANegativeDriverValue() =>
        Assert.False(RechargeCalculator.ForFixedFeePlusDriver(
            May2026, [new DriverChargeLine(Housing, 400, new FixedFeePlusDriver(Pounds(1m), 1m, "pupil"), -1)], Offerings).IsSuccess);

    [Fact]
    public void DirectAttribution_ChargesTheWholeCostToItsOneBuyer()
    {
        var charge = Assert.Single(RechargeCalculator.ForDirectAttributions(
            [new DirectAttribution(Legal, Waste, Pounds(12_000m), "Counsel's fees, employment tribunal ET/123")]).Value);

        Assert.Equal((Waste, Legal, (int?)null, 1_200_000L), (charge.BuyerCostCentreId, charge.ProviderCostCentreId, charge.OfferingId, charge.Amount.Pence));
        Assert.Equal(ChargeMechanism.DirectAttribution, charge.Mechanism);
        Assert.Contains("ET/123", charge.Source.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectAttribution_OfNothing_IsRefused() =>
        Assert.False(RechargeCalculator.ForDirectAttributions([new DirectAttribution(Legal, Waste, Money.Zero, "nothing")]).IsSuccess);

    [Fact]
    public void Apportionment_SplitsByTheDriverAndGivesTheOddPennyToTheLowerId()
    {
        var apportionment = new Apportionment(Legal, Pounds(100m), "Insurance", "headcount", new Dictionary<int, decimal> { [22] = 1, [20] = 1, [21] = 1 });

        var charges = RechargeCalculator.ForApportionments([apportionment]).Value;

        Assert.Equal([(20, 3_334L), (21, 3_333L), (22, 3_333L)], charges.Select(c => (c.BuyerCostCentreId, c.Amount.Pence)));
        Assert.All(charges, c => Assert.Equal(ChargeMechanism.Apportionment, c.Mechanism));
    }

    [Fact]
    public void Apportionment_WithNoDriverAnywhere_IsRefused() =>
        Assert.Contains("nowhere to go", Assert.Single(RechargeCalculator.ForApportionments(
            [new Apportionment(Legal, Pounds(100m), "Insurance", "headcount", new Dictionary<int, decimal> { [20] = 0 })]).Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Charges_BecomeOneBalancedTransaction_BuyersOn6000ProvidersOn9000()
    {
        var charges = new[]
        {
            new Charge(Housing, Legal, 100, new Money(60_125), ChargeMechanism.PayAsYouGo, new ChargeSource("a")),
            new Charge(Waste, Legal, 100, new Money(9_250), ChargeMechanism.PayAsYouGo, new ChargeSource("b")),
            new Charge(Housing, Print, 200, new Money(11), ChargeMechanism.PayAsYouGo, new ChargeSource("c")),
        };

        var t = RechargeCalculator.ToJournal(Header(), charges, OpenMay).Value;

        Assert.Equal(
            [(Legal, "9000", -69_375L), (Print, "9000", -11L), (Housing, "6000", 60_136L), (Waste, "6000", 9_250L)],
            t.Postings.Select(p => (p.CostCentreId, p.AccountCode, p.Amount.Pence)));
        Assert.Equal(0, t.Postings.Sum(p => p.Amount.Pence));
    }

    [Fact]
    public void ACharge_IsAlwaysForAPositiveAmount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Charge(Housing, Legal, null, Money.Zero, ChargeMechanism.DirectAttribution, new ChargeSource("x")));

    [Fact]
    public void EveryMechanism_WithAMissingArgument_NamesIt()
    {
        UsageTotal[] totals = [new(Housing, 100, 1, 1)];
        Subscription terms = new(Pounds(120m), 0m, null, InvoiceSchedule.Monthly);
        FixedFeePlusDriver driver = new(Pounds(12m), 1m, "pupil");

        Assert.Equal("totals", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForUsageTotals(null!, Offerings, _ => 1m)).ParamName);
        Assert.Equal("offerings", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForUsageTotals(totals, null!, _ => 1m)).ParamName);
        Assert.Equal("rateInForce", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForUsageTotals(totals, Offerings, null!)).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForSubscriptions(May2026, null!, Offerings)).ParamName);
        Assert.Equal("offerings", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForSubscriptions(May2026, [Sub(terms)], null!)).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForFixedFeePlusDriver(May2026, null!, Offerings)).ParamName);
        Assert.Equal("offerings", Assert.Throws<ArgumentNullException>(() =>
            RechargeCalculator.ForFixedFeePlusDriver(May2026, [new DriverChargeLine(Housing, 400, driver, 1)], null!)).ParamName);
        Assert.Equal("attributions", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForDirectAttributions(null!)).ParamName);
        Assert.Equal("apportionments", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ForApportionments(null!)).ParamName);
        Assert.Equal("charges", Assert.Throws<ArgumentNullException>(() => RechargeCalculator.ToJournal(Header(), null!, OpenMay)).ParamName);
    }

    [Fact]
    public void UsageTotals_AreChargedInBuyerThenOfferingOrder_WithOneRecordInTheSingular()
    {
        UsageTotal[] totals = [new(Waste, 100, 1, 1), new(Housing, 200, 1000, 3), new(Housing, 100, 1, 1)];

        var charges = RechargeCalculator.ForUsageTotals(totals, Offerings, o => Rates(o, May2026.FirstDay)).Value;

        Assert.Equal([(Housing, 100), (Housing, 200), (Waste, 100)], charges.Select(c => (c.BuyerCostCentreId, c.OfferingId!.Value)));
        Assert.Equal("1 hour of Legal advice at £92.50 per hour (1 record).", charges[0].Source.Explanation);
        Assert.Equal("1,000 pages of Black and white print at £0.035 per page (3 records).", charges[1].Source.Explanation);
    }

    [Theory]
    [InlineData("-1", 1, "0.035")]
    [InlineData("1", 0, "0.035")]
    [InlineData("1", -1, "0.035")]
    [InlineData("1", 1, "-0.035")]
    public void UsageTotals_WithANegativeQuantityOrRateOrNoRecords_CannotBePriced(string quantity, int records, string rate)
    {
        var result = RechargeCalculator.ForUsageTotals([new UsageTotal(Housing, 200, D(quantity), records)], Offerings, _ => D(rate));

        Assert.Equal(
            $"Black and white print: {FairShare.Domain.Text.English.Count(records, "record")} of {quantity} at {PricingTerms.Format(D(rate))} cannot be priced (a negative quantity or rate).",
            Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void UsageTotals_WithoutARate_SaySo() =>
        Assert.Equal("Black and white print has no pay-as-you-go rate in force in the period.",
            Assert.Single(RechargeCalculator.ForUsageTotals([new UsageTotal(Housing, 200, 1, 1)], Offerings, _ => null).Errors).Message);

    [Theory]
    [InlineData("0", "0.035")]
    [InlineData("5", "0")]
    [InlineData("0.1", "0.04")]
    public void UsageTotals_ThatComeToNothing_MakeNoCharge(string quantity, string rate)
    {
        var result = RechargeCalculator.ForUsageTotals([new UsageTotal(Housing, 200, D(quantity), 1)], Offerings, _ => D(rate));

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value);
    }

    [Fact]
    public void Subscriptions_ReportEveryBadLineAtOnce_EachByItsPosition()
    {
        var terms = new Subscription(Pounds(1_200m), 100m, null, InvoiceSchedule.Monthly);
        SubscriptionLine[] lines =
        [
            Sub(terms, packages: 0),
            Sub(terms, before: -1, inPeriod: 1),
            Sub(terms, before: 1, inPeriod: -1),
            new(Housing, 999, 1, terms, 0, 0),
        ];

        var result = RechargeCalculator.ForSubscriptions(May2026, lines, Offerings);

        Assert.Equal(
            [
                ("subscriptions[0]", "A subscription needs a positive number of packages (got 0)."),
                ("subscriptions[1]", "Use to date and use in the period cannot be negative."),
                ("subscriptions[2]", "Use to date and use in the period cannot be negative."),
                ("subscriptions[3]", "Offering 999 is not a chargeable offering."),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Subscriptions_WithTermsThatCannotBeInvoiced_AreReportedNotCharged()
    {
        var terms = new Subscription(Pounds(1_200m), 100m, null, (InvoiceSchedule)42);

        var result = RechargeCalculator.ForSubscriptions(May2026, [Sub(terms)], Offerings);

        Assert.Equal("subscriptions[0].schedule", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData(95, 5)]
    [InlineData(120, 0)]
    public void Subscription_WithoutOverageRate_IsFineUpToTheIncludedQuantity_OrWhenNothingMoreIsUsed(decimal before, decimal inPeriod)
    {
        var terms = new Subscription(Pounds(1_200m), 100m, null, InvoiceSchedule.Annual);

        var result = RechargeCalculator.ForSubscriptions(new FinancialYear(2026).Period(1), [Sub(terms, before: before, inPeriod: inPeriod)], Offerings);

        Assert.Equal(120_000L, Assert.Single(result.Value).Amount.Pence);
    }

    [Theory]
    [InlineData(1, 120_000L, "Contracts package: annual invoice of the annual fee of £1,200.00.")]
    [InlineData(2.5, 300_000L, "Contracts package: annual invoice of the annual fee of £1,200.00, × 2.5 packages.")]
    public void SubscriptionFee_IsExplainedWithTheNumberOfPackagesWhenThereIsMoreThanOne(decimal packages, long pence, string explanation)
    {
        var terms = new Subscription(Pounds(1_200m), 0m, null, InvoiceSchedule.Annual);

        var charge = Assert.Single(RechargeCalculator.ForSubscriptions(new FinancialYear(2026).Period(1), [Sub(terms, packages: packages)], Offerings).Value);

        Assert.Equal((pence, explanation), (charge.Amount.Pence, charge.Source.Explanation));
    }

    [Fact]
    public void SubscriptionOverage_AlreadyBeyondTheIncludedQuantity_IsChargedOnlyForThisPeriodsUse()
    {
        var terms = new Subscription(Pounds(0m), 100m, 2.50m, InvoiceSchedule.Annual);

        var charge = Assert.Single(RechargeCalculator.ForSubscriptions(May2026, [Sub(terms, before: 130, inPeriod: 1)], Offerings).Value);

        Assert.Equal((250L, 1m), (charge.Amount.Pence, charge.Source.Quantity));
        Assert.Equal("Contracts package: 131 contracts used this year against 100 included; 1 more beyond it this period at £2.50 "
            + "(overage to date £77.50, less £75.00 charged before).", charge.Source.Explanation);
    }

    [Fact]
    public void FixedFeePlusDriver_ReportsEveryBadLineAtOnce_EachByItsPosition()
    {
        var terms = new FixedFeePlusDriver(Pounds(1m), 1m, "pupil");

        var result = RechargeCalculator.ForFixedFeePlusDriver(
            May2026, [new DriverChargeLine(Housing, 400, terms, -1), new DriverChargeLine(Housing, 999, terms, 1)], Offerings);

        Assert.Equal(
            [
                ("drivers[0]", "Cost centre 10's pupil value cannot be negative (got -1)."),
                ("drivers[1]", "Offering 999 is not a chargeable offering."),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void FixedFeePlusDriver_WithNoDriverValue_ChargesATwelfthOfTheFixedFee()
    {
        var line = new DriverChargeLine(Housing, 400, new FixedFeePlusDriver(Pounds(120m), 1.14m, "pupil"), 0);

        var charge = Assert.Single(RechargeCalculator.ForFixedFeePlusDriver(May2026, [line], Offerings).Value);

        Assert.Equal(1_000L, charge.Amount.Pence);
        Assert.Equal("Schools print service: one twelfth of the annual £120.00 (£120.00 plus 0 pupils at £1.14).", charge.Source.Explanation);
    }

    [Fact]
    public void FixedFeePlusDriver_InAPeriodWhoseTwelfthIsNothing_MakesNoCharge()
    {
        // 5p a year: periods 1 to 5 get a penny each, periods 6 to 12 nothing.
        var line = new DriverChargeLine(Housing, 400, new FixedFeePlusDriver(new Money(5), 0m, "pupil"), 1);
        var year = new FinancialYear(2026);

        Assert.Single(RechargeCalculator.ForFixedFeePlusDriver(year.Period(5), [line], Offerings).Value);
        Assert.Empty(RechargeCalculator.ForFixedFeePlusDriver(year.Period(6), [line], Offerings).Value);
    }

    [Fact]
    public void DirectAttributions_ReportEveryBadOneAtOnce_EachByItsPosition()
    {
        var result = RechargeCalculator.ForDirectAttributions(
        [
            new DirectAttribution(Legal, Waste, new Money(-1), "refund"),
            new DirectAttribution(Legal, Waste, new Money(100), "  "),
            new DirectAttribution(Legal, Waste, new Money(100), "Counsel"),
        ]);

        Assert.Equal(
            [
                ("attributions[0]", "A direct attribution must be a positive amount (got -£0.01); correct one by reversing it."),
                ("attributions[1]", "Say what the attributed cost is."),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Apportionments_ReportEveryBadOneAtOnce_EachByItsPosition()
    {
        var result = RechargeCalculator.ForApportionments(
        [
            new Apportionment(Legal, Money.Zero, "Insurance", "m²", new Dictionary<int, decimal> { [20] = 1 }),
            new Apportionment(Legal, new Money(-5), "Insurance", "m²", new Dictionary<int, decimal> { [20] = 1 }),
            new Apportionment(Legal, new Money(100), "Insurance", "m²", new Dictionary<int, decimal> { [20] = 5, [22] = 0, [21] = -1, [23] = -2 }),
            new Apportionment(Legal, new Money(100), "Licences", "devices", new Dictionary<int, decimal>()),
        ]);

        Assert.Equal(
            [
                ("apportionments[0]", "An apportionment must be a positive amount (got £0.00)."),
                ("apportionments[1]", "An apportionment must be a positive amount (got -£0.05)."),
                ("apportionments[2]", "Driver values cannot be negative (cost centres 21, 23)."),
                ("apportionments[3]", "Licences: no buyer has any devices, so the cost has nowhere to go."),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Apportionment_ChargesNothingToABuyerWithNoDriver_AndExplainsEachShareOfTheTotal()
    {
        var apportionment = new Apportionment(Legal, Pounds(100m), "Insurance", "m²", new Dictionary<int, decimal> { [20] = 3, [21] = 0, [22] = 2 });

        var charges = RechargeCalculator.ForApportionments([apportionment]).Value;

        Assert.Equal([(20, 6_000L), (22, 4_000L)], charges.Select(c => (c.BuyerCostCentreId, c.Amount.Pence)));
        Assert.Equal("Insurance: £100.00 apportioned by m², 3 of 5.", charges[0].Source.Explanation);
    }

    [Fact]
    public void ToJournal_PutsACostCentresPostingsInAccountOrder()
    {
        // Print buys legal advice (6000) and is paid for print (9000): its two postings come 6000 then 9000.
        var charges = new[]
        {
            new Charge(Housing, Print, 200, new Money(11), ChargeMechanism.PayAsYouGo, new ChargeSource("c")),
            new Charge(Print, Legal, 100, new Money(500), ChargeMechanism.PayAsYouGo, new ChargeSource("a")),
        };

        var t = RechargeCalculator.ToJournal(Header(), charges, OpenMay).Value;

        Assert.Equal([(Legal, "9000"), (Print, "6000"), (Print, "9000"), (Housing, "6000")], t.Postings.Select(p => (p.CostCentreId, p.AccountCode)));
    }


    [Fact]
    public void ADirectAttribution_WithNoDescriptionAtAll_IsReportedNotThrown()
    {
        var result = RechargeCalculator.ForDirectAttributions([new DirectAttribution(Legal, Waste, new Money(100), null!)]);

        Assert.Equal(("attributions[0]", "Say what the attributed cost is."), (Assert.Single(result.Errors) is var e ? (e.Field, e.Message) : default));
    }
    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
