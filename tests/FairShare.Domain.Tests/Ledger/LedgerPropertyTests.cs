using FairShare.Allocation;
using FairShare.Domain.Ledger;
using FsCheck.Xunit;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

/// <summary>The invariants of the ledger's money under random data, each case made from a seed.</summary>
public class LedgerPropertyTests
{
    [Property(MaxTest = 500)]
    public void AnyPostings_MakeATransactionExactlyWhenTheyBalance_AndEveryTransactionBalances(int seed)
    {
        var rng = new Random(seed);
        var postings = Enumerable.Range(0, rng.Next(0, 6)).Select(_ => P(rng.Next(1, 5), "6000", rng.Next(-3, 4) * 100L)).ToList();
        if (rng.NextDouble() < 0.5 && postings.Count > 0)
        {
            postings.Add(P(9, "9000", -postings.Sum(p => p.Amount.Pence)));
        }

        var result = JournalTransaction.Create(Header(), postings, OpenMay);

        var valid = postings.Count >= 2 && postings.All(p => p.Amount != Money.Zero) && postings.Sum(p => p.Amount.Pence) == 0;
        Assert.Equal(valid, result.IsSuccess);
        if (result.IsSuccess)
        {
            Assert.Equal(0, result.Value.Postings.Sum(p => p.Amount.Pence));
        }
    }

    [Property(MaxTest = 300)]
    public void RandomCharges_FromEveryMechanism_PostAsOneBalancedTransaction_AndAReversalUndoesIt(int seed)
    {
        var rng = new Random(seed);
        var period = new FinancialYear(2026).Period(rng.Next(1, 13));
        var offerings = Enumerable.Range(1, 4).ToDictionary(i => i, i => new ChargeableOffering(i, rng.Next(1, 4), "Offering " + i, "unit"));
        var charges = new List<Charge>();
        var usage = Enumerable.Range(0, rng.Next(0, 30))
            .Select(i => new UsageRecord("r" + i, rng.Next(10, 15), rng.Next(1, 5), rng.Next(0, 1000) / 4m, period.FirstDay.AddDays(rng.Next(0, 28)), null, "x"));
        charges.AddRange(RechargeCalculator.ForUsage(period, usage, offerings, (o, _) => o * 0.0125m).Value);
        var subscription = new Subscription(new Money(rng.Next(0, 1_000_000)), rng.Next(1, 50), 1.0625m, (InvoiceSchedule)rng.Next(0, 3));
        charges.AddRange(RechargeCalculator.ForSubscriptions(period, [new SubscriptionLine(11, 2, rng.Next(1, 4), subscription, rng.Next(0, 60), rng.Next(0, 30))], offerings).Value);
        charges.AddRange(RechargeCalculator.ForFixedFeePlusDriver(period, [new DriverChargeLine(12, 3, new FixedFeePlusDriver(new Money(rng.Next(0, 100_000)), 1.14m, "pupil"), rng.Next(0, 900))], offerings).Value);
        charges.AddRange(RechargeCalculator.ForDirectAttributions([new DirectAttribution(1, 13, new Money(rng.Next(1, 100_000)), "cost")]).Value);
        charges.AddRange(RechargeCalculator.ForApportionments([new Apportionment(2, new Money(rng.Next(1, 100_000)), "Insurance", "headcount",
            Enumerable.Range(10, 5).ToDictionary(b => b, _ => (decimal)rng.Next(0, 20) + 1))]).Value);

        var t = RechargeCalculator.ToJournal(Header(), charges, OpenMay).Value;

        Assert.Equal(0, t.Postings.Sum(p => p.Amount.Pence));
        Assert.Equal(charges.Sum(c => c.Amount.Pence), t.Total.Pence);
        var reversal = t.Reverse(OpenMay, "someone", Now).Value;
        Assert.All(Balances.NetCostByCostCentre(t.Postings.Concat(reversal.Postings)).Values, v => Assert.Equal(Money.Zero, v));
    }

    [Property(MaxTest = 300)]
    public void SubscriptionOverage_OverTwelvePeriods_AddsUpExactlyToTheYearsOverage(int seed)
    {
        var rng = new Random(seed);
        var terms = new Subscription(new Money(rng.Next(0, 100_000)), rng.Next(1, 500), rng.Next(1, 100_000) / 10_000m, (InvoiceSchedule)rng.Next(0, 3));
        var packages = rng.Next(1, 4);
        var offerings = new Dictionary<int, ChargeableOffering> { [1] = new(1, 1, "Package", "unit") };
        var before = 0m;
        var overage = 0L;
        var fee = 0L;
        foreach (var p in new FinancialYear(2026).Periods)
        {
            var used = rng.Next(0, 200) / 8m;
            var charges = RechargeCalculator.ForSubscriptions(p, [new SubscriptionLine(10, 1, packages, terms, before, used)], offerings).Value;
            overage += charges.Where(c => c.Mechanism == ChargeMechanism.SubscriptionOverage).Sum(c => c.Amount.Pence);
            fee += charges.Where(c => c.Mechanism == ChargeMechanism.SubscriptionFee).Sum(c => c.Amount.Pence);
            before += used;
        }

        Assert.Equal(RechargeCalculator.Overage(terms.OverageRate!.Value, before, terms.IncludedQuantity * packages).Pence, overage);
        Assert.Equal(terms.AnnualFee.Pence * packages, fee);
    }

    [Property(MaxTest = 300)]
    public void FixedFeePlusDriver_OverTwelvePeriods_AddsUpExactlyToTheAnnualCharge(int seed)
    {
        var rng = new Random(seed);
        var terms = new FixedFeePlusDriver(new Money(rng.Next(0, 1_000_000)), rng.Next(0, 100_000) / 10_000m, "device");
        var driver = rng.Next(0, 5_000) / 4m;
        var offerings = new Dictionary<int, ChargeableOffering> { [1] = new(1, 1, "Devices", "device") };

        var total = new FinancialYear(2026).Periods
            .Sum(p => RechargeCalculator.ForFixedFeePlusDriver(p, [new DriverChargeLine(10, 1, terms, driver)], offerings).Value.Sum(c => c.Amount.Pence));

        Assert.Equal(terms.Charge(driver).Pence, total);
    }

    [Property(MaxTest = 300)]
    public void AfterFullCostAllocation_EverySupportCostCentreIsAtZeroOrItsOverRecovery_AndTotalCostIsUnchanged(int seed)
    {
        var authority = RandomAuthority.Make(new Random(seed));
        foreach (var method in new[] { AllocationMethod.Reciprocal, AllocationMethod.Direct, AllocationMethod.StepDown })
        {
            var outcome = FullCostAllocation.Allocate(new FullCostAllocationInput(authority.CostCentres, authority.Postings, authority.Drivers, method));
            if (method != AllocationMethod.Reciprocal && !outcome.IsSuccess)
            {
                continue; // the textbook limits of direct and step-down
            }

            var result = outcome.Value;
            var before = Balances.NetCostByCostCentre(authority.Postings);
            var all = authority.Postings.Concat(result.Postings).ToList();
            var after = Balances.NetCostByCostCentre(all);
            foreach (var cc in authority.CostCentres.Where(c => c.Kind == CostCentreKind.Support))
            {
                var position = result.Recovery.Single(r => r.CostCentreId == cc.Id);
                var remaining = before.GetValueOrDefault(cc.Id);
                Assert.Equal(remaining, position.RemainingBefore);
                Assert.Equal(remaining < Money.Zero ? remaining : Money.Zero, after.GetValueOrDefault(cc.Id));
                Assert.Equal(after.GetValueOrDefault(cc.Id), position.RemainingAfter);
                Assert.Equal(position.OverRecovery, -position.RemainingAfter);
            }
            Assert.Equal(Balances.TotalCost(authority.Postings), Balances.TotalCost(all));
            Assert.Equal(0, result.Postings.Sum(p => p.Amount.Pence));
            Assert.DoesNotContain(result.Postings, p => ChartOfAccounts.Find(p.AccountCode)?.Kind is AccountKind.Clearing);
            if (result.HasPostings)
            {
                Assert.True(result.ToJournal(Header(), OpenMay).IsSuccess);
            }
            if (method == AllocationMethod.Reciprocal)
            {
                var origins = result.Origins();
                foreach (var cc in authority.CostCentres.Where(c => c.Kind != CostCentreKind.Support))
                {
                    Assert.Equal(result.Received[cc.Id].Pence, origins.Where(o => o.ReceiverCostCentreId == cc.Id).Sum(o => o.Amount.Pence));
                }
            }
        }
    }
}

/// <summary>
/// A random authority after its priced charges: 1–6 support cost centres, 1–4 frontline, 0–2 corporate;
/// imported costs, priced charges between them (so some support services over-recover), and drivers in which
/// every support cost centre reaches a frontline or corporate one, with support-to-support cycles.
/// </summary>
internal sealed record RandomAuthority(List<AllocationCostCentre> CostCentres, List<Posting> Postings, List<DriverQuantity> Drivers)
{
    public static RandomAuthority Make(Random rng)
    {
        var supports = Enumerable.Range(1, rng.Next(1, 7)).Select(i => new AllocationCostCentre(i, $"S{i}", $"Support {i}", CostCentreKind.Support)).ToList();
        var frontline = Enumerable.Range(101, rng.Next(1, 5)).Select(i => new AllocationCostCentre(i, $"F{i}", $"Frontline {i}", CostCentreKind.Frontline)).ToList();
        var corporate = Enumerable.Range(201, rng.Next(0, 3)).Select(i => new AllocationCostCentre(i, $"C{i}", $"Corporate {i}", i % 2 == 0 ? CostCentreKind.CorporateAndDemocraticCore : CostCentreKind.NonDistributedCosts)).ToList();
        var receivers = frontline.Concat(corporate).ToList();
        var everyone = supports.Concat(receivers).ToList();

        var postings = new List<Posting>();
        foreach (var cc in everyone)
        {
            var cost = rng.Next(0, 2_000_000);
            if (cost > 0)
            {
                postings.Add(P(cc.Id, ((rng.Next(1, 6)) * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), cost));
                postings.Add(P(cc.Id, "9990", -cost));
            }
        }
        for (var k = rng.Next(0, 10); k > 0; k--)
        {
            var provider = supports[rng.Next(supports.Count)];
            var buyer = everyone[rng.Next(everyone.Count)];
            var amount = rng.Next(1, 1_500_000);
            postings.Add(P(buyer.Id, "6000", amount));
            postings.Add(P(provider.Id, "9000", -amount));
        }

        var drivers = new List<DriverQuantity>();
        for (var i = 0; i < supports.Count; i++)
        {
            var to = i == 0 || rng.NextDouble() < 0.5 ? receivers[rng.Next(receivers.Count)].Id : supports[rng.Next(i)].Id;
            drivers.Add(new DriverQuantity(supports[i].Id, to, rng.Next(1, 50)));
        }
        for (var k = rng.Next(0, supports.Count * 3); k > 0; k--)
        {
            drivers.Add(new DriverQuantity(supports[rng.Next(supports.Count)].Id, everyone[rng.Next(everyone.Count)].Id, rng.Next(0, 50)));
        }
        return new RandomAuthority([.. everyone.OrderBy(_ => rng.Next())], postings, drivers);
    }
}
