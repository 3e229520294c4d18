using FairShare.Allocation;
using FairShare.Domain.Recording;

namespace FairShare.Domain.Ledger;

/// <summary>What a statement line is: a priced charge by its mechanism, or support cost allocated for full cost.</summary>
public enum RechargeLineKind
{
    PayAsYouGo,
    SubscriptionFee,
    SubscriptionOverage,
    FixedFeePlusDriver,
    DirectAttribution,
    Apportionment,

    /// <summary>Support cost apportioned for full-cost reporting (SeRCOP): not something the buyer bought or controls.</summary>
    AllocatedSupportCost,
}

/// <summary>What a statement line came from, typed by its kind.</summary>
public abstract record RechargeLineDetail;

/// <summary>The usage or time records a charge covers (none listed for a fee, an attribution or an apportionment).</summary>
public sealed record SourceRecords(IReadOnlyList<string> RecordIds) : RechargeLineDetail
{
    public static SourceRecords None { get; } = new([]);
}

/// <summary>The path an allocated cost took: through <see cref="ViaCostCentreId"/>, or straight from where it arose (null).</summary>
public sealed record AllocationPath(int? ViaCostCentreId) : RechargeLineDetail;

/// <summary>One line of a statement, before it is stored.</summary>
public sealed record RechargeLine(int Buyer, int Provider, int? Offering, RechargeLineKind Kind, Money Amount, decimal? Quantity, decimal? UnitPrice,
    string Explanation, RechargeLineDetail Detail)
{
    public bool IsCharge => Kind != RechargeLineKind.AllocatedSupportCost;
}

/// <summary>Why usage the run saw was not charged. What a run does not charge, it names.</summary>
public enum UnchargedReason
{
    /// <summary>Corporate core: centrally funded, never charged to a buyer (still apportioned in the full-cost view).</summary>
    CorporateCore,

    /// <summary>Met from a risk pool, not charged to the buyer.</summary>
    Pooled,

    /// <summary>Quoted work is charged by its job, not by usage records.</summary>
    Quoted,

    /// <summary>A subscription's usage by a buyer that has no order for it.</summary>
    SubscriptionWithoutOrder,

    /// <summary>The offering has no price for the year that would charge this usage.</summary>
    NoPrice,
}

/// <summary>Usage of one offering by one buyer that the run did not charge, and why.</summary>
public sealed record UnchargedUsage(int Buyer, int Offering, int Records, decimal Quantity, UnchargedReason Reason);

/// <summary>A support service's recovery in the run: its cost and income, and what remained before and after allocation.</summary>
public sealed record ProviderRecovery(string Code, string Name, Money Cost, Money Income, Money RemainingBefore, Money Allocated, Money RemainingAfter);

/// <summary>
/// Everything the month's arithmetic reads, as plain data: the authority's cost centres, its offerings with
/// their prices, the period's actual costs, usage totals (this period's and the year's before it), standing
/// orders, driver values, provider costs, the drivers chosen for support services, and the method.
/// </summary>
public sealed record MonthlyRechargeInput(
    AccountingPeriod Period,
    AllocationMethod Method,
    IReadOnlyList<AllocationCostCentre> CostCentres,
    IReadOnlyDictionary<int, Offering> Offerings,
    IReadOnlyList<CostActual> Actuals,
    IReadOnlyList<UsageTotal> UsageInPeriod,
    IReadOnlyDictionary<(int Buyer, int Offering), decimal> UsageBeforePeriod,
    IReadOnlyList<ServiceOrder> Orders,
    IReadOnlyList<DriverValue> Drivers,
    IReadOnlyList<ProviderCost> ProviderCosts,
    IReadOnlyDictionary<int, string> AllocationDrivers);

/// <summary>The month's journals and statement lines, with its totals, its notes and everything it did not charge.</summary>
public sealed record MonthlyRechargeResult(
    IReadOnlyList<JournalTransaction> Journals,
    IReadOnlyList<RechargeLine> Lines,
    FullCostAllocationResult? Allocation,
    Money ActualCosts,
    Money Charged,
    Money TotalCostBefore,
    Money TotalCostAfter,
    IReadOnlyList<ProviderRecovery> Providers,
    IReadOnlyList<UnchargedUsage> Uncharged,
    IReadOnlyList<string> Notes)
{
    public int Postings => Journals.Sum(j => j.Postings.Count);

    /// <summary>Support cost allocated: each support service's own remaining cost passed on, once.</summary>
    public Money Allocated => new(Allocation?.Recovery.Sum(r => r.OwnCostAllocated.Pence) ?? 0);
}

/// <summary>
/// The month's recharge as one pure function from plain inputs to journals and statement lines: actual
/// costs, then priced charges, then the full-cost allocation of what support services did not recover. The
/// run, the dry run and (later) the what-if all call it; use cases only load and save. It decides nothing
/// about whether the period may be posted: the period's state is given, and journals into a closed period
/// are refused by <see cref="JournalTransaction.Create"/> like any other.
/// </summary>
public static class MonthlyRecharge
{
    public static Result<MonthlyRechargeResult> Compute(MonthlyRechargeInput input, PeriodState state, Func<string, JournalHeader> header)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(header);
        var period = input.Period;
        var errors = new List<DomainError>();
        var notes = new List<string>();
        var names = input.CostCentres.ToDictionary(c => c.Id, c => c.Name);
        string Name(int id) => names.GetValueOrDefault(id) ?? $"cost centre {id}";
        var journals = new List<JournalTransaction>();
        var lines = new List<RechargeLine>();

        // 1. Actual costs from the general ledger, against the ledger control account (which is not a cost).
        var actualPostings = input.Actuals.Where(a => a.Amount != Money.Zero)
            .SelectMany(a => new[] { new Posting(a.CostCentreId, a.Account, a.Amount), new Posting(a.CostCentreId, ChartOfAccounts.LedgerControl.Code, -a.Amount) })
            .ToList();
        var actualTotal = new Money(input.Actuals.Sum(a => a.Amount.Pence));
        if (actualPostings.Count > 0)
        {
            Collect(JournalTransaction.Create(header($"Actual costs for {period.Month} from the general ledger"), actualPostings, state), journals, errors);
        }
        else
        {
            notes.Add($"No actual costs were imported for {period.Month}: support services' own costs are taken as nil.");
        }

        // 2. Priced charges, and the usage that is not charged (named, never silently left out).
        var chargeable = input.Offerings.Values.ToDictionary(o => o.Id, o => new ChargeableOffering(o.Id, o.ProviderCostCentreId!.Value, o.Name, o.Unit));
        var ordered = input.Orders.Select(o => (o.BuyerCostCentreId, o.OfferingId)).ToHashSet();
        var uncharged = new List<UnchargedUsage>();
        var payg = new List<UsageTotal>();
        foreach (var usage in input.UsageInPeriod)
        {
            var reason = Uncharged(input, usage, ordered);
            if (reason is { } r)
            {
                uncharged.Add(new UnchargedUsage(usage.BuyerCostCentreId, usage.OfferingId, usage.Records, usage.Quantity, r));
            }
            else if (input.Offerings[usage.OfferingId].PriceIn(period)?.Terms is PayAsYouGo)
            {
                payg.Add(usage);
            }
        }
        notes.AddRange(UnchargedNotes(uncharged, input, Name));
        var charges = new List<Charge>();
        Collect(RechargeCalculator.ForUsageTotals(payg, chargeable,
            offering => input.Offerings[offering].PriceIn(period)?.Terms is PayAsYouGo p ? p.Rate : null), charges, errors);

        var usedInPeriod = input.UsageInPeriod.ToDictionary(u => (u.BuyerCostCentreId, u.OfferingId), u => u.Quantity);
        var subscriptions = new List<SubscriptionLine>();
        var fixedFees = new List<DriverChargeLine>();
        foreach (var order in input.Orders)
        {
            if (!input.Offerings.TryGetValue(order.OfferingId, out var offering) || !IsCharged(offering, period))
            {
                continue;
            }
            switch (offering.PriceIn(period)?.Terms)
            {
                case Subscription s:
                    var pair = (order.BuyerCostCentreId, order.OfferingId);
                    subscriptions.Add(new SubscriptionLine(order.BuyerCostCentreId, order.OfferingId, order.Quantity, s,
                        input.UsageBeforePeriod.GetValueOrDefault(pair), usedInPeriod.GetValueOrDefault(pair)));
                    break;
                case FixedFeePlusDriver f:
                    var value = input.Drivers.FirstOrDefault(d => d.CostCentreId == order.BuyerCostCentreId && string.Equals(d.Driver, f.Driver, StringComparison.OrdinalIgnoreCase))?.Value;
                    if (value is null)
                    {
                        notes.Add($"No '{f.Driver}' driver value for {Name(order.BuyerCostCentreId)} in {period.Month}: {offering.Code} is charged its fixed fee only.");
                    }
                    fixedFees.Add(new DriverChargeLine(order.BuyerCostCentreId, order.OfferingId, f, value ?? 0m));
                    break;
                default:
                    notes.Add($"{offering.Code} has no subscription or fixed-fee price for {period.Year.Label}; its order by {Name(order.BuyerCostCentreId)} is not charged.");
                    break;
            }
        }
        Collect(RechargeCalculator.ForSubscriptions(period, subscriptions, chargeable), charges, errors);
        Collect(RechargeCalculator.ForFixedFeePlusDriver(period, fixedFees, chargeable), charges, errors);
        Collect(RechargeCalculator.ForDirectAttributions(input.ProviderCosts.Where(c => c.BuyerCostCentreId is not null)
            .Select(c => new DirectAttribution(c.ProviderCostCentreId, c.BuyerCostCentreId!.Value, c.Amount, c.Description))), charges, errors);
        Collect(RechargeCalculator.ForApportionments(input.ProviderCosts.Where(c => c.Driver is not null)
            .Select(c => new Apportionment(c.ProviderCostCentreId, c.Amount, $"{Name(c.ProviderCostCentreId)}: {c.Description}", c.Driver!,
                DriverValues(input, c.Driver!, c.ProviderCostCentreId)))), charges, errors);
        if (errors.Count > 0)
        {
            return Result<MonthlyRechargeResult>.Failure(errors);
        }
        if (charges.Count > 0)
        {
            Collect(RechargeCalculator.ToJournal(header($"Priced charges for {period.Month}"), charges, state), journals, errors);
        }
        lines.AddRange(charges.Select(c => new RechargeLine(c.BuyerCostCentreId, c.ProviderCostCentreId, c.OfferingId, Kind(c.Mechanism), c.Amount,
            c.Source.Quantity, c.Source.UnitPrice, c.Source.Explanation, new SourceRecords(c.Source.RecordIds))));
        var chargedTotal = new Money(charges.Sum(c => c.Amount.Pence));

        // 3. Full-cost allocation of what support services did not recover: by what each receiver bought from
        // them (the default), or by the driver chosen for the service; one that charged no one spreads by headcount.
        var bought = charges.Where(c => c.ProviderCostCentreId != c.BuyerCostCentreId)
            .GroupBy(c => (c.ProviderCostCentreId, c.BuyerCostCentreId))
            .Select(g => new DriverQuantity(g.Key.ProviderCostCentreId, g.Key.BuyerCostCentreId, g.Sum(c => c.Amount.Pounds)))
            .ToLookup(d => d.ProviderCostCentreId);
        var drivers = new List<DriverQuantity>();
        foreach (var support in input.CostCentres.Where(c => c.Kind == CostCentreKind.Support))
        {
            var chosen = input.AllocationDrivers.GetValueOrDefault(support.Id);
            var quantities = chosen is not null ? [] : bought[support.Id].ToList();
            if (quantities.Count == 0)
            {
                quantities = [.. DriverValues(input, chosen ?? "FTE", support.Id).Select(v => new DriverQuantity(support.Id, v.Key, v.Value))];
            }
            if (chosen is not null)
            {
                notes.Add($"{Text.English.Possessive(support.Name)} remaining cost is allocated by {chosen}.");
            }
            drivers.AddRange(quantities);
        }
        var beforeAllocation = journals.SelectMany(j => j.Postings).ToList();
        var allocated = FullCostAllocation.Allocate(new FullCostAllocationInput(input.CostCentres, beforeAllocation, drivers, input.Method));
        if (!allocated.IsSuccess)
        {
            return Result<MonthlyRechargeResult>.Failure(allocated.Errors);
        }
        var allocation = allocated.Value;
        if (allocation.HasPostings)
        {
            Collect(allocation.ToJournal(header($"Full-cost allocation of support services' remaining cost for {period.Month} ({input.Method})"), state), journals, errors);
            lines.AddRange(AllocatedLines(allocation, Name));
        }
        if (errors.Count > 0)
        {
            return Result<MonthlyRechargeResult>.Failure(errors);
        }
        var providers = Recovery(input, allocation, beforeAllocation);
        return Result<MonthlyRechargeResult>.Success(new MonthlyRechargeResult(journals, lines, allocation, actualTotal, chargedTotal,
            Balances.TotalCost(actualPostings), Balances.TotalCost(journals.SelectMany(j => j.Postings)), providers, uncharged, notes));
    }

    /// <summary>Whether an offering's charging class lets it be charged to a buyer (tradeable or mandatory).</summary>
    public static bool IsCharged(Offering offering, AccountingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(offering);
        return offering.ChargingClassOn(period.FirstDay) is ChargingClass.Tradeable or ChargingClass.Mandatory;
    }

    private static UnchargedReason? Uncharged(MonthlyRechargeInput input, UsageTotal usage, HashSet<(int, int)> ordered)
    {
        if (!input.Offerings.TryGetValue(usage.OfferingId, out var offering))
        {
            return UnchargedReason.NoPrice;
        }
        var chargingClass = offering.ChargingClassOn(input.Period.FirstDay);
        if (chargingClass == ChargingClass.CorporateCore)
        {
            return UnchargedReason.CorporateCore;
        }
        if (chargingClass == ChargingClass.Pooled)
        {
            return UnchargedReason.Pooled;
        }
        return offering.PriceIn(input.Period)?.Terms switch
        {
            PayAsYouGo => null,
            Quoted => UnchargedReason.Quoted,
            Subscription => ordered.Contains((usage.BuyerCostCentreId, usage.OfferingId)) ? null : UnchargedReason.SubscriptionWithoutOrder,
            FixedFeePlusDriver => null, // charged through its order's fee and driver, not per record
            _ => UnchargedReason.NoPrice,
        };
    }

    private static IEnumerable<string> UnchargedNotes(List<UnchargedUsage> uncharged, MonthlyRechargeInput input, Func<int, string> name)
    {
        string Offering(int id) => input.Offerings.TryGetValue(id, out var o) ? $"{o.Code} {o.Name}" : $"offering {id}";
        foreach (var group in uncharged.GroupBy(u => u.Reason).OrderBy(g => g.Key))
        {
            var records = Text.English.Count(group.Sum(u => u.Records), "usage record");
            var what = string.Join("; ", group.GroupBy(u => u.Offering).Select(g =>
                $"{Offering(g.Key)} by {string.Join(", ", g.Select(u => $"{name(u.Buyer)} ({u.Records})"))}"));
            yield return group.Key switch
            {
                UnchargedReason.CorporateCore => $"{records} of corporate-core offerings are not charged to buyers (they are centrally funded): {what}.",
                UnchargedReason.Pooled => $"{records} of pooled offerings are not charged to buyers (their cost is met from a risk pool): {what}.",
                UnchargedReason.Quoted => $"{records} of quoted offerings are not charged by this run: quoted work is charged by its job, and jobs are not yet recorded here. {what}.",
                UnchargedReason.SubscriptionWithoutOrder => $"{records} of subscriptions are not charged because the buyer has no order for them: {what}.",
                _ => $"{records} are not charged because the offering has no price for {input.Period.Year.Label}: {what}.",
            };
        }
    }

    /// <summary>
    /// One line per receiver, origin and path: what came straight from where it arose and what came through
    /// another support service are told apart, and the pence are split by largest remainder so each origin's
    /// lines add up to exactly what the engine allocated from it.
    /// </summary>
    private static IEnumerable<RechargeLine> AllocatedLines(FullCostAllocationResult allocation, Func<int, string> name)
    {
        foreach (var receiver in allocation.Origins().Where(o => o.Amount != Money.Zero).GroupBy(o => o.ReceiverCostCentreId))
        {
            var paths = allocation.Explain(receiver.Key).Paths.ToLookup(p => FullCostAllocation.Id(p.Origin));
            foreach (var origin in receiver)
            {
                var byVia = paths[origin.OriginCostCentreId].Where(p => p.Amount != 0m)
                    .GroupBy(p => p.Via == p.Origin ? (int?)null : FullCostAllocation.Id(p.Via))
                    .Select(g => (Via: g.Key, Amount: g.Sum(p => p.Amount))).OrderBy(p => p.Via ?? -1).ToList();
                if (byVia.Count == 0 || byVia.Any(p => p.Amount < 0m))
                {
                    byVia = [(null, 1m)];
                }
                var split = origin.Amount.Allocate([.. byVia.Select(p => p.Amount)]);
                for (var i = 0; i < byVia.Count; i++)
                {
                    if (split[i] == Money.Zero)
                    {
                        continue;
                    }
                    var own = $"{Text.English.Possessive(name(origin.OriginCostCentreId))} own cost";
                    var explanation = byVia[i].Via is { } via
                        ? $"{own} that reached you through {name(via)}"
                        : $"{own}, apportioned to you directly";
                    yield return new RechargeLine(origin.ReceiverCostCentreId, origin.OriginCostCentreId, null, RechargeLineKind.AllocatedSupportCost, split[i], null, null,
                        explanation, new AllocationPath(byVia[i].Via));
                }
            }
        }
    }

    private static ProviderRecovery[] Recovery(MonthlyRechargeInput input, FullCostAllocationResult allocation, IReadOnlyList<Posting> beforeAllocation)
    {
        var centres = input.CostCentres.ToDictionary(c => c.Id);
        // Each cost centre's expenditure and income before allocation, summed once.
        var byKind = beforeAllocation
            .Where(p => ChartOfAccounts.Find(p.AccountCode) is { Kind: AccountKind.Expenditure or AccountKind.Income })
            .GroupBy(p => (p.CostCentreId, ChartOfAccounts.Find(p.AccountCode)!.Kind))
            .ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Amount.Pence)));
        return [.. allocation.Recovery.Select(r =>
        {
            var centre = centres[r.CostCentreId];
            var cost = byKind.GetValueOrDefault((r.CostCentreId, AccountKind.Expenditure));
            var income = -byKind.GetValueOrDefault((r.CostCentreId, AccountKind.Income));
            return new ProviderRecovery(centre.Code, centre.Name, cost, income, r.RemainingBefore, r.PassedOn, r.RemainingAfter);
        }).OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>A driver's values in the period, by cost centre, leaving out the provider itself.</summary>
    private static Dictionary<int, decimal> DriverValues(MonthlyRechargeInput input, string driver, int provider) =>
        input.Drivers.Where(d => d.CostCentreId != provider && string.Equals(d.Driver, driver, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(d => d.CostCentreId, d => d.Value);

    private static RechargeLineKind Kind(ChargeMechanism mechanism) => mechanism switch
    {
        ChargeMechanism.PayAsYouGo => RechargeLineKind.PayAsYouGo,
        ChargeMechanism.SubscriptionFee => RechargeLineKind.SubscriptionFee,
        ChargeMechanism.SubscriptionOverage => RechargeLineKind.SubscriptionOverage,
        ChargeMechanism.FixedFeePlusDriver => RechargeLineKind.FixedFeePlusDriver,
        ChargeMechanism.DirectAttribution => RechargeLineKind.DirectAttribution,
        ChargeMechanism.Apportionment => RechargeLineKind.Apportionment,
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "Unknown charge mechanism."),
    };

    private static void Collect<T>(Result<T> result, List<T> into, List<DomainError> errors)
    {
        if (result.IsSuccess)
        {
            into.Add(result.Value);
        }
        else
        {
            errors.AddRange(result.Errors);
        }
    }

    private static void Collect(Result<IReadOnlyList<Charge>> result, List<Charge> into, List<DomainError> errors)
    {
        if (result.IsSuccess)
        {
            into.AddRange(result.Value);
        }
        else
        {
            errors.AddRange(result.Errors);
        }
    }
}
