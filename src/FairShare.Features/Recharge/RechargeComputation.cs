using System.Globalization;
using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Ledger;
using FairShare.Persistence.Ledger;

namespace FairShare.Features.Recharge;

/// <summary>One line of a statement before it is stored.</summary>
internal sealed record RechargeLine(int Buyer, int Provider, int? Offering, string Mechanism, Money Amount, decimal? Quantity, decimal? UnitPrice, string Explanation, string Detail)
{
    public RechargeLineRow ToRow(int authorityId, int runId) => new()
    {
        AuthorityId = authorityId,
        RechargeRunId = runId,
        BuyerCostCentreId = Buyer,
        ProviderCostCentreId = Provider,
        OfferingId = Offering,
        Mechanism = Mechanism,
        AmountPence = Amount.Pence,
        Quantity = Quantity,
        UnitPrice = UnitPrice,
        Explanation = Explanation,
        Detail = Detail,
    };
}

/// <summary>
/// The run's arithmetic, from loaded inputs to journals and statement lines, without touching the database:
/// actual costs, then priced charges, then full-cost allocation of what support services did not recover.
/// </summary>
internal sealed class RechargeComputation
{
    public const string AllocatedMechanism = "AllocatedSupportCost";

    private RechargeComputation(IReadOnlyList<JournalTransaction> journals, IReadOnlyList<RechargeLine> lines, FullCostAllocationResult? allocation,
        Money actual, Money charged, IReadOnlyList<string> notes, IReadOnlyList<Posting> actualPostings, IReadOnlyList<Posting> beforeAllocation)
    {
        Journals = journals;
        ActualPostings = actualPostings;
        BeforeAllocation = beforeAllocation;
        Lines = lines;
        Allocation = allocation;
        ActualCosts = actual;
        ChargedTotal = charged;
        Notes = notes;
    }

    public IReadOnlyList<JournalTransaction> Journals { get; }
    public IReadOnlyList<RechargeLine> Lines { get; }
    public FullCostAllocationResult? Allocation { get; }
    public Money ActualCosts { get; }
    public Money ChargedTotal { get; }
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The actual-cost postings alone, and everything posted before full-cost allocation.</summary>
    private IReadOnlyList<Posting> ActualPostings { get; }
    private IReadOnlyList<Posting> BeforeAllocation { get; }

    public static Result<RechargeComputation> Compute(RechargeInputs inputs, AccountingPeriod period, AllocationMethod method,
        Func<string, JournalHeader> header, PeriodState state)
    {
        var errors = new List<DomainError>();
        var notes = new List<string>();
        var names = inputs.CostCentres.ToDictionary(c => c.Id, c => c.Name);
        string Name(int id) => names.GetValueOrDefault(id) ?? $"cost centre {id}";
        var journals = new List<JournalTransaction>();
        var lines = new List<RechargeLine>();

        // 1. Actual costs from the general ledger, against the ledger control account (which is not a cost).
        var actualPostings = inputs.Actuals.Where(a => a.Amount != Money.Zero)
            .SelectMany(a => new[] { new Posting(a.CostCentreId, a.Account, a.Amount), new Posting(a.CostCentreId, ChartOfAccounts.LedgerControl.Code, -a.Amount) })
            .ToList();
        var actualTotal = new Money(inputs.Actuals.Sum(a => a.Amount.Pence));
        if (actualPostings.Count > 0)
        {
            Collect(JournalTransaction.Create(header($"Actual costs for {period.Month} from the general ledger"), actualPostings, state), journals, errors);
        }
        else
        {
            notes.Add($"No actual costs were imported for {period.Month}: support services' own costs are taken as nil.");
        }

        // 2. Priced charges.
        var chargeable = inputs.Offerings.Values.ToDictionary(o => o.Id, o => new ChargeableOffering(o.Id, o.ProviderCostCentreId!.Value, o.Name, o.Unit));
        var charges = new List<Charge>();
        var payg = inputs.UsageInPeriod.Where(u => inputs.Offerings.TryGetValue(u.OfferingId, out var o) && Charged(o) && o.PriceFor(period.Year)?.Terms is PayAsYouGo).ToList();
        var uncharged = inputs.UsageInPeriod.Where(u => !inputs.Offerings.TryGetValue(u.OfferingId, out var o) || !Charged(o)).Sum(u => u.Records);
        if (uncharged > 0)
        {
            notes.Add($"{uncharged} usage records are of corporate-core or pooled offerings, which are never charged to buyers.");
        }
        Collect(RechargeCalculator.ForUsageTotals(payg, chargeable,
            offering => inputs.Offerings[offering].PriceFor(period.Year)?.Terms is PayAsYouGo p ? p.Rate : null), charges, errors);

        var usedInPeriod = inputs.UsageInPeriod.ToDictionary(u => (u.BuyerCostCentreId, u.OfferingId), u => u.Quantity);
        var subscriptions = new List<SubscriptionLine>();
        var fixedFees = new List<DriverChargeLine>();
        foreach (var order in inputs.Orders)
        {
            if (!inputs.Offerings.TryGetValue(order.OfferingId, out var offering) || !Charged(offering))
            {
                continue;
            }
            switch (offering.PriceFor(period.Year)?.Terms)
            {
                case Subscription s:
                    var pair = (order.BuyerCostCentreId, order.OfferingId);
                    subscriptions.Add(new SubscriptionLine(order.BuyerCostCentreId, order.OfferingId, order.Quantity, s,
                        inputs.UsageBeforePeriod.GetValueOrDefault(pair), usedInPeriod.GetValueOrDefault(pair)));
                    break;
                case FixedFeePlusDriver f:
                    var value = inputs.Drivers.FirstOrDefault(d => d.CostCentreId == order.BuyerCostCentreId && string.Equals(d.Driver, f.Driver, StringComparison.OrdinalIgnoreCase))?.Value;
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
        Collect(RechargeCalculator.ForDirectAttributions(inputs.ProviderCosts.Where(c => c.BuyerCostCentreId is not null)
            .Select(c => new DirectAttribution(c.ProviderCostCentreId, c.BuyerCostCentreId!.Value, c.Amount, c.Description))), charges, errors);
        Collect(RechargeCalculator.ForApportionments(inputs.ProviderCosts.Where(c => c.Driver is not null)
            .Select(c => new Apportionment(c.ProviderCostCentreId, c.Amount, $"{Name(c.ProviderCostCentreId)}: {c.Description}", c.Driver!,
                DriverValues(inputs, c.Driver!, c.ProviderCostCentreId)))), charges, errors);
        if (errors.Count > 0)
        {
            return Result<RechargeComputation>.Failure(errors);
        }
        if (charges.Count > 0)
        {
            Collect(RechargeCalculator.ToJournal(header($"Priced charges for {period.Month}"), charges, state), journals, errors);
        }
        lines.AddRange(charges.Select(c => new RechargeLine(c.BuyerCostCentreId, c.ProviderCostCentreId, c.OfferingId, c.Mechanism.ToString(), c.Amount,
            c.Source.Quantity, c.Source.UnitPrice, c.Source.Explanation, string.Join(",", c.Source.RecordIds))));
        var chargedTotal = new Money(charges.Sum(c => c.Amount.Pence));

        // 3. Full-cost allocation of what support services did not recover: by what each receiver bought from
        // them (the default), or by the driver chosen for the service; one that charged no one spreads by headcount.
        var bought = charges.Where(c => c.ProviderCostCentreId != c.BuyerCostCentreId)
            .GroupBy(c => (c.ProviderCostCentreId, c.BuyerCostCentreId))
            .Select(g => new DriverQuantity(g.Key.ProviderCostCentreId, g.Key.BuyerCostCentreId, g.Sum(c => c.Amount.Pounds)))
            .ToLookup(d => d.ProviderCostCentreId);
        var drivers = new List<DriverQuantity>();
        foreach (var support in inputs.CostCentres.Where(c => c.Kind == CostCentreKind.Support))
        {
            var chosen = inputs.AllocationDrivers.GetValueOrDefault(support.Id);
            var quantities = chosen is not null ? [] : bought[support.Id].ToList();
            if (quantities.Count == 0)
            {
                quantities = [.. DriverValues(inputs, chosen ?? "FTE", support.Id).Select(v => new DriverQuantity(support.Id, v.Key, v.Value))];
            }
            if (chosen is not null)
            {
                notes.Add($"{support.Name}'s remaining cost is allocated by {chosen}.");
            }
            drivers.AddRange(quantities);
        }
        var postingsSoFar = journals.SelectMany(j => j.Postings).ToList();
        var allocated = FullCostAllocation.Allocate(new FullCostAllocationInput(inputs.CostCentres, postingsSoFar, drivers, method));
        if (!allocated.IsSuccess)
        {
            return Result<RechargeComputation>.Failure(allocated.Errors);
        }
        var allocation = allocated.Value;
        if (allocation.HasPostings)
        {
            Collect(allocation.ToJournal(header($"Full-cost allocation of support services' remaining cost for {period.Month} ({method})"), state), journals, errors);
            // One explanation per receiver (the engine works it out for all of a receiver's origins at once).
            foreach (var receiver in allocation.Origins().Where(o => o.Amount != Money.Zero).GroupBy(o => o.ReceiverCostCentreId))
            {
                var vias = allocation.Explain(receiver.Key).Paths.Where(p => p.Via != p.Origin)
                    .ToLookup(p => p.Origin, p => Name(int.Parse(p.Via, CultureInfo.InvariantCulture)));
                foreach (var origin in receiver)
                {
                    var via = vias[Key(origin.OriginCostCentreId)].Distinct().ToList();
                    var explanation = via.Count == 0
                        ? $"{Name(origin.OriginCostCentreId)}'s own cost, allocated to you directly"
                        : $"{Name(origin.OriginCostCentreId)}'s own cost that reached you through {string.Join(" and ", via)}";
                    lines.Add(new RechargeLine(origin.ReceiverCostCentreId, origin.OriginCostCentreId, null, AllocatedMechanism, origin.Amount, null, null,
                        explanation, string.Join(",", via)));
                }
            }
        }
        return errors.Count > 0
            ? Result<RechargeComputation>.Failure(errors)
            : Result<RechargeComputation>.Success(new RechargeComputation(journals, lines, allocation, actualTotal, chargedTotal, notes, actualPostings, postingsSoFar));
    }

    public RechargeRunSummary Summary(RechargeInputs inputs, AccountingPeriod period, AllocationMethod method)
    {
        var postings = Journals.SelectMany(j => j.Postings).ToList();
        var centres = inputs.CostCentres.ToDictionary(c => c.Id);
        // Each cost centre's expenditure and income before allocation, summed once.
        var byKind = BeforeAllocation
            .Where(p => ChartOfAccounts.Find(p.AccountCode) is { Kind: AccountKind.Expenditure or AccountKind.Income })
            .GroupBy(p => (p.CostCentreId, ChartOfAccounts.Find(p.AccountCode)!.Kind))
            .ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Amount.Pence)));
        var providers = (Allocation?.Recovery ?? []).Select(r =>
        {
            var centre = centres[r.CostCentreId];
            var cost = byKind.GetValueOrDefault((r.CostCentreId, AccountKind.Expenditure));
            var income = -byKind.GetValueOrDefault((r.CostCentreId, AccountKind.Income));
            return new ProviderRecovery(centre.Code, centre.Name, cost, income, r.RemainingBefore, r.PassedOn, r.RemainingAfter);
        }).OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        var allocated = new Money(Allocation?.Recovery.Sum(r => r.OwnCostAllocated.Pence) ?? 0);
        return new RechargeRunSummary(null, period.Month, method.ToString(), false, Journals.Count, postings.Count, ActualCosts, ChargedTotal, allocated,
            Balances.TotalCost(ActualPostings), Balances.TotalCost(postings), providers, Notes);
    }

    /// <summary>A driver's values in the period, by cost centre, leaving out the provider itself.</summary>
    private static Dictionary<int, decimal> DriverValues(RechargeInputs inputs, string driver, int provider) =>
        inputs.Drivers.Where(d => d.CostCentreId != provider && string.Equals(d.Driver, driver, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(d => d.CostCentreId, d => d.Value);

    private static bool Charged(Offering o) => o.ChargingClass is ChargingClass.Tradeable or ChargingClass.Mandatory;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

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
