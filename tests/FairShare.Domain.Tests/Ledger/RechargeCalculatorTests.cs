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
}
