using FairShare.Allocation;
using FairShare.Domain.Ledger;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

public class FullCostAllocationTests
{
    private const int HR = 1;
    private const int IT = 2;
    private const int Housing = 10;
    private const int Waste = 11;
    private const int Corporate = 20;

    private static readonly AllocationCostCentre[] CostCentres =
    [
        new(HR, "S01", "Human resources", CostCentreKind.Support),
        new(IT, "S02", "IT", CostCentreKind.Support),
        new(Housing, "F01", "Housing", CostCentreKind.Frontline),
        new(Waste, "F02", "Waste", CostCentreKind.Frontline),
        new(Corporate, "C01", "Corporate and democratic core", CostCentreKind.CorporateAndDemocraticCore),
    ];

    // HR serves IT 10, Housing 30, Waste 10 (FTE); IT serves HR 25, Housing 50, the corporate core 25 (devices).
    private static readonly DriverQuantity[] Drivers =
    [
        new(HR, IT, 10), new(HR, Housing, 30), new(HR, Waste, 10),
        new(IT, HR, 25), new(IT, Housing, 50), new(IT, Corporate, 25),
    ];

    /// <summary>Actual costs imported against the ledger control account, so each import balances.</summary>
    private static List<Posting> Costs(long hr, long it, long hrIncome = 0)
    {
        var postings = new List<Posting>
        {
            P(HR, "1000", hr), P(IT, "4000", it), P(Housing, "1000", 5_000_000),
            P(Corporate, "9990", -(hr + it + 5_000_000)),
        };
        if (hrIncome != 0)
        {
            postings.Add(P(HR, "9000", -hrIncome));
            postings.Add(P(Housing, "6000", hrIncome));
        }
        return postings;
    }

    private static FullCostAllocationResult Allocate(List<Posting> postings, AllocationMethod method) =>
        FullCostAllocation.Allocate(new FullCostAllocationInput(CostCentres, postings, Drivers, method)).Value;

    private static IReadOnlyDictionary<int, Money> After(List<Posting> postings, FullCostAllocationResult result) =>
        Balances.NetCostByCostCentre(postings.Concat(result.Postings));

    [Fact]
    public void Direct_AllocatesEachSupportCostStraightToFrontlineAndCorporate()
    {
        var postings = Costs(hr: 1_000_000, it: 2_000_000);

        var result = Allocate(postings, AllocationMethod.Direct);

        // HR £10,000: Housing 30/40, Waste 10/40. IT £20,000: Housing 50/75 = £13,333.33, corporate 25/75 = £6,666.67.
        Assert.Equal(new Money(750_000 + 1_333_333), result.Received[Housing]);
        Assert.Equal(new Money(250_000), result.Received[Waste]);
        Assert.Equal(new Money(666_667), result.Received[Corporate]);
        Assert.Equal(
            [(HR, "9500", -1_000_000L), (IT, "9500", -2_000_000L), (Housing, "6500", 2_083_333L), (Waste, "6500", 250_000L), (Corporate, "6500", 666_667L)],
            result.Postings.OrderBy(p => p.CostCentreId).Select(p => (p.CostCentreId, p.AccountCode, p.Amount.Pence)));
    }

    [Fact]
    public void Reciprocal_TakesSupportToSupportServiceIntoAccount_AndEndsEverySupportCostCentreAtZero()
    {
        var postings = Costs(hr: 1_000_000, it: 2_000_000);

        var result = Allocate(postings, AllocationMethod.Reciprocal);

        // x_HR = 10,000 + 0.25 x_IT and x_IT = 20,000 + 0.2 x_HR: x_HR = £15,789.47, x_IT = £23,157.89.
        var after = After(postings, result);
        Assert.Equal(Money.Zero, after[HR]);
        Assert.Equal(Money.Zero, after[IT]);
        Assert.InRange(result.Received[Housing].Pence, 2_105_262, 2_105_264);
        Assert.InRange(result.Received[Waste].Pence, 315_789, 315_790);
        Assert.InRange(result.Received[Corporate].Pence, 578_947, 578_948);
        Assert.Equal(3_000_000, result.Received[Housing].Pence + result.Received[Waste].Pence + result.Received[Corporate].Pence);
        var hr = result.Recovery.Single(r => r.CostCentreId == HR);
        Assert.Equal(new Money(1_000_000), hr.UnderRecovery);
        Assert.InRange(hr.ReceivedFromSupport.Pence, 578_947, 578_948);
        Assert.Equal(hr.OwnCostAllocated + hr.ReceivedFromSupport, hr.PassedOn);
        Assert.Equal(Money.Zero, hr.RemainingAfter);
        Assert.Equal(Balances.TotalCost(postings), Balances.TotalCost(postings.Concat(result.Postings)));
    }

    [Fact]
    public void OverRecovery_IsReportedAndLeftOnTheProvider_WhileWhatItReceivesIsPassedOn()
    {
        // HR cost £10,000 but earned £12,000 from priced charges: over-recovered by £2,000.
        var postings = Costs(hr: 1_000_000, it: 2_000_000, hrIncome: 1_200_000);

        var result = Allocate(postings, AllocationMethod.Reciprocal);

        var hr = result.Recovery.Single(r => r.CostCentreId == HR);
        Assert.Equal(new Money(200_000), hr.OverRecovery);
        Assert.Equal(Money.Zero, hr.UnderRecovery);
        Assert.Equal(Money.Zero, hr.OwnCostAllocated);
        Assert.True(hr.ReceivedFromSupport > Money.Zero);
        Assert.Equal(hr.ReceivedFromSupport, hr.PassedOn);
        Assert.Equal(new Money(-200_000), hr.RemainingAfter);
        var after = After(postings, result);
        Assert.Equal(new Money(-200_000), after[HR]);
        Assert.Equal(Money.Zero, after[IT]);
        Assert.Equal(Balances.TotalCost(postings), Balances.TotalCost(postings.Concat(result.Postings)));
    }

    [Fact]
    public void Origins_SayWhoseCostReachedEachReceiverAndAddUpToWhatItReceived()
    {
        var postings = Costs(hr: 1_000_000, it: 2_000_000);
        var result = Allocate(postings, AllocationMethod.Reciprocal);

        var origins = result.Origins();

        foreach (var receiver in new[] { Housing, Waste, Corporate })
        {
            Assert.Equal(result.Received[receiver].Pence, origins.Where(o => o.ReceiverCostCentreId == receiver).Sum(o => o.Amount.Pence));
        }
        Assert.Equal(1_000_000, origins.Where(o => o.OriginCostCentreId == HR).Sum(o => o.Amount.Pence));
        // Waste is served only by HR, yet part of what it receives is IT's own cost that came through HR.
        Assert.Contains(origins, o => o.ReceiverCostCentreId == Waste && o.OriginCostCentreId == IT && o.Amount > Money.Zero);
        var story = result.Explain(Waste);
        Assert.Contains(story.Paths, p => p.Origin == "2" && p.Via == "1");
        Assert.Contains("S02 IT", story.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAllocation_PostsAsOneBalancedTransaction()
    {
        var result = Allocate(Costs(hr: 1_000_000, it: 2_000_000), AllocationMethod.StepDown);

        var t = result.ToJournal(Header("run 12"), OpenMay).Value;

        Assert.Equal(0, t.Postings.Sum(p => p.Amount.Pence));
        Assert.All(t.Postings, p => Assert.Contains(p.AccountCode, new[] { "6500", "9500" }));
    }

    [Fact]
    public void NoRemainingSupportCost_GivesNothingToPost()
    {
        var postings = new List<Posting> { P(Housing, "1000", 100), P(Corporate, "9990", -100) };

        var result = Allocate(postings, AllocationMethod.Reciprocal);

        Assert.False(result.HasPostings);
        Assert.Equal(2, result.Recovery.Count);
        Assert.All(result.Recovery, r => Assert.Equal(Money.Zero, r.RemainingBefore));
    }

    [Fact]
    public void AFrontlineOrCorporateCostCentre_NeverPassesCostOn()
    {
        var drivers = Drivers.Append(new DriverQuantity(Corporate, Housing, 1)).Append(new DriverQuantity(Housing, Waste, 1)).ToArray();

        var result = FullCostAllocation.Allocate(new FullCostAllocationInput(CostCentres, Costs(1, 1), drivers));

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Message.Contains("corporate and democratic core cost centre; only support cost centres pass costs on", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("frontline cost centre; only support cost centres pass costs on", StringComparison.Ordinal));
    }

    [Fact]
    public void ASupportCostWithNoDriver_IsReportedInTheEnginesWords()
    {
        var drivers = Drivers.Where(d => d.ProviderCostCentreId != IT).ToArray();

        var result = FullCostAllocation.Allocate(new FullCostAllocationInput(CostCentres, Costs(1_000, 2_000), drivers));

        Assert.Contains(result.Errors, e => e.Message.Contains("S02 IT", StringComparison.Ordinal) && e.Message.Contains("serves no other department", StringComparison.Ordinal));
    }

    [Fact]
    public void PostingsForAnUnknownCostCentre_AreRefused()
    {
        var result = FullCostAllocation.Allocate(new FullCostAllocationInput(CostCentres, [P(99, "1000", 5), P(Corporate, "9990", -5)], Drivers));

        Assert.Contains("cost centre 99", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_WithoutInput_IsAProgrammingError() =>
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => FullCostAllocation.Allocate(null!)).ParamName);

    [Fact]
    public void BadInput_IsReportedAllAtOnce_PostingsInCostCentreOrder()
    {
        AllocationCostCentre[] centres = [.. CostCentres, new(HR, "S01", "Human resources", CostCentreKind.Support)];
        var postings = new List<Posting>(Costs(100, 100)) { P(99, "1000", 1), P(98, "1000", 1), P(Housing, "1000", -2) };
        DriverQuantity[] drivers = [new(77, Housing, 1), new(HR, 88, 1), new(IT, Housing, -1)];

        var result = FullCostAllocation.Allocate(new FullCostAllocationInput(centres, postings, drivers));

        Assert.Equal(
            [
                ("costCentres", "Cost centre 1 is listed more than once."),
                ("postings", "Postings name cost centre 98, which is not one of the authority's cost centres."),
                ("postings", "Postings name cost centre 99, which is not one of the authority's cost centres."),
                ("drivers[0]", "Provider 77 is not one of the authority's cost centres."),
                ("drivers[1]", "Receiver 88 is not one of the authority's cost centres."),
                ("drivers[2]", "A driver quantity cannot be negative (got -1)."),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void TheAllocation_ListsItsTransfersWithoutEmptyOnes_AndPostsInCostCentreOrder()
    {
        var result = Allocate(Costs(hr: 1_000_000, it: 2_000_000), AllocationMethod.Reciprocal);

        Assert.NotEmpty(result.Transfers);
        Assert.All(result.Transfers, t => Assert.True(t.Amount > Money.Zero));
        var ids = result.Postings.Select(p => p.CostCentreId).ToList();
        Assert.Equal(ids.Order(), ids);
    }
}
