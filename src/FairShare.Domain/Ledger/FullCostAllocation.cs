using System.Globalization;
using FairShare.Allocation;

namespace FairShare.Domain.Ledger;

/// <summary>A cost centre as full-cost allocation sees it.</summary>
public sealed record AllocationCostCentre(int Id, string Code, string Name, CostCentreKind Kind);

/// <summary>How much of a support cost centre's service a receiver used, in the provider's driver unit (hours, FTE, devices…).</summary>
public sealed record DriverQuantity(int ProviderCostCentreId, int ReceiverCostCentreId, decimal Quantity);

/// <summary>
/// What full-cost allocation needs: the authority's cost centres, the period's postings so far (actual costs
/// and the priced charges), the driver quantities per (provider, receiver), and the authority's method.
/// </summary>
public sealed record FullCostAllocationInput(
    IReadOnlyList<AllocationCostCentre> CostCentres,
    IReadOnlyList<Posting> Postings,
    IReadOnlyList<DriverQuantity> Drivers,
    AllocationMethod Method = AllocationMethod.Reciprocal,
    IReadOnlyList<int>? StepDownOrder = null);

/// <summary>
/// A support cost centre's recovery, before and after allocation. <see cref="RemainingBefore"/> is its net
/// cost after priced charges: positive is under-recovery (cost its income did not cover), negative is
/// over-recovery. Under-recovery is allocated to its users; over-recovery, by policy, is reported and left
/// on the provider. So <see cref="RemainingAfter"/> is 0.00 or the over-recovery, and
/// <see cref="PassedOn"/> = <see cref="OwnCostAllocated"/> + <see cref="ReceivedFromSupport"/>.
/// </summary>
public sealed record RecoveryPosition(
    int CostCentreId,
    Money RemainingBefore,
    Money OwnCostAllocated,
    Money ReceivedFromSupport,
    Money PassedOn,
    Money RemainingAfter)
{
    public Money UnderRecovery => RemainingBefore > Money.Zero ? RemainingBefore : Money.Zero;
    public Money OverRecovery => RemainingBefore < Money.Zero ? -RemainingBefore : Money.Zero;
}

/// <summary>An amount of support cost moved from a support cost centre to another cost centre.</summary>
public sealed record AllocatedCost(int FromCostCentreId, int ToCostCentreId, Money Amount);

/// <summary>How much of a receiver's allocated support cost started as an origin support cost centre's own remaining cost.</summary>
public sealed record AllocatedOrigin(int ReceiverCostCentreId, int OriginCostCentreId, Money Amount);

/// <summary>
/// Allocates what remains of support services' costs after priced charges, with the recharge engine.
/// <para>Each support cost centre's remaining net cost is its balance on every cost account: its own
/// expenditure, plus what it bought from other support services (6000), less its internal recharge income
/// (9000) and external income (9100). Support cost centres become the engine's support departments with
/// that cost; frontline and corporate cost centres become operating departments, so the corporate core
/// receives but never passes on. The engine needs non-negative costs, and policy is that over-recovery stays
/// with the provider: a support cost centre with a negative remaining cost enters with 0.00 (it still passes
/// on what it receives from other support services).</para>
/// <para>Postings: each support cost centre is credited on 9500 (support costs allocated out) with everything
/// it passes on; each receiver is debited on 6500 (allocated support costs received) with everything it
/// receives. So after the run each support cost centre's net cost is exactly 0.00, or exactly its reported
/// over-recovery, and the authority's total cost is unchanged (the postings sum to zero).</para>
/// </summary>
public static class FullCostAllocation
{
    public static Result<FullCostAllocationResult> Allocate(FullCostAllocationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DomainError>();
        var centres = new Dictionary<int, AllocationCostCentre>();
        foreach (var cc in input.CostCentres)
        {
            if (!centres.TryAdd(cc.Id, cc))
            {
                errors.Add(new DomainError("costCentres", $"Cost centre {cc.Id} is listed more than once."));
            }
        }
        var net = Balances.NetCostByCostCentre(input.Postings);
        foreach (var id in net.Keys.Where(id => !centres.ContainsKey(id)).Order())
        {
            errors.Add(new DomainError("postings", $"Postings name cost centre {id}, which is not one of the authority's cost centres."));
        }
        for (var i = 0; i < input.Drivers.Count; i++)
        {
            var d = input.Drivers[i];
            var field = $"drivers[{i}]";
            if (!centres.TryGetValue(d.ProviderCostCentreId, out var provider))
            {
                errors.Add(new DomainError(field, $"Provider {d.ProviderCostCentreId} is not one of the authority's cost centres."));
            }
            else if (provider.Kind != CostCentreKind.Support)
            {
                errors.Add(new DomainError(field,
                    $"{provider.Code} {provider.Name} is a {provider.Kind.Words()} cost centre; only support cost centres pass costs on."));
            }
            if (!centres.ContainsKey(d.ReceiverCostCentreId))
            {
                errors.Add(new DomainError(field, $"Receiver {d.ReceiverCostCentreId} is not one of the authority's cost centres."));
            }
            if (d.Quantity < 0)
            {
                errors.Add(new DomainError(field, $"A driver quantity cannot be negative (got {d.Quantity.ToString(CultureInfo.InvariantCulture)})."));
            }
        }
        if (errors.Count > 0)
        {
            return Result<FullCostAllocationResult>.Failure(errors);
        }

        var remaining = input.CostCentres.Where(c => c.Kind == CostCentreKind.Support)
            .ToDictionary(c => c.Id, c => net.GetValueOrDefault(c.Id));
        var departments = input.CostCentres.Select(c => new Department(
            Key(c.Id),
            $"{c.Code} {c.Name}",
            c.Kind == CostCentreKind.Support ? DepartmentKind.Support : DepartmentKind.Operating,
            c.Kind == CostCentreKind.Support ? Math.Max(0, remaining[c.Id].Pounds) : 0m)).ToList();
        var usage = input.Drivers.Select((d, i) => new UsageLine(i + 1, Key(d.ProviderCostCentreId), Key(d.ReceiverCostCentreId), d.Quantity)).ToList();
        var model = new AllocationModel("GBP", departments, usage, input.StepDownOrder?.Select(Key).ToList());
        var outcome = Allocator.Allocate(model, new AllocationOptions(input.Method));
        if (!outcome.Succeeded)
        {
            return Result<FullCostAllocationResult>.Failure(
                [.. outcome.Problems.Select(p => new DomainError("allocation", p.Message))]);
        }
        return Result<FullCostAllocationResult>.Success(new FullCostAllocationResult(outcome.Result!, remaining));
    }

    internal static string Key(int costCentreId) => costCentreId.ToString(CultureInfo.InvariantCulture);

    internal static int Id(string key) => int.Parse(key, CultureInfo.InvariantCulture);
}

/// <summary>
/// The outcome of full-cost allocation: recovery per support cost centre before and after, every amount moved,
/// the postings that record it, and (on demand) the origins of every receiver's allocated cost — which support
/// cost centre's own cost reached it, and through whom — so statements can explain each pound.
/// </summary>
public sealed class FullCostAllocationResult
{
    private readonly Lazy<IReadOnlyList<OriginAmount>> engineOrigins;
    private readonly Lazy<ILookup<string, OriginAmount>> originsByReceiver;

    internal FullCostAllocationResult(AllocationResult engine, IReadOnlyDictionary<int, Money> remainingBefore)
    {
        Engine = engine;
        engineOrigins = new Lazy<IReadOnlyList<OriginAmount>>(() => Allocation.Origins.ForAll(engine));
        originsByReceiver = new Lazy<ILookup<string, OriginAmount>>(() => engineOrigins.Value.ToLookup(o => o.Receiver, StringComparer.Ordinal));
        var received = engine.Departments.ToDictionary(d => FullCostAllocation.Id(d.Id), d => Money.FromPounds(d.Received));
        Received = received;
        Recovery = [.. engine.Departments.Where(d => d.Kind == DepartmentKind.Support).Select(d =>
        {
            var id = FullCostAllocation.Id(d.Id);
            var before = remainingBefore[id];
            var own = Money.FromPounds(d.DirectCost);
            var got = received[id];
            var passedOn = Money.FromPounds(d.PassedOn ?? 0m);
            return new RecoveryPosition(id, before, own, got, passedOn, before + got - passedOn);
        })];
        Transfers = [.. engine.Transfers.Where(t => t.Amount != 0)
            .Select(t => new AllocatedCost(FullCostAllocation.Id(t.From), FullCostAllocation.Id(t.To), Money.FromPounds(t.Amount)))];

        var postings = new List<Posting>();
        foreach (var d in engine.Departments.OrderBy(d => FullCostAllocation.Id(d.Id)))
        {
            var id = FullCostAllocation.Id(d.Id);
            if (received[id] != Money.Zero)
            {
                postings.Add(Posting.Debit(id, ChartOfAccounts.AllocatedSupportCostsReceived, received[id]));
            }
            if (d.PassedOn is { } passed && passed != 0)
            {
                postings.Add(Posting.Credit(id, ChartOfAccounts.SupportCostsAllocatedOut, Money.FromPounds(passed)));
            }
        }
        Postings = postings;
    }

    public AllocationMethod Method => Engine.Method;

    /// <summary>The engine's own result, for explanations and formats the engine already offers.</summary>
    public AllocationResult Engine { get; }

    /// <summary>One position per support cost centre, in the order the cost centres were given.</summary>
    public IReadOnlyList<RecoveryPosition> Recovery { get; }

    /// <summary>What each cost centre received (support and operating); 0.00 where nothing.</summary>
    public IReadOnlyDictionary<int, Money> Received { get; }

    /// <summary>Every non-zero amount moved, provider then receiver in the order the cost centres were given.</summary>
    public IReadOnlyList<AllocatedCost> Transfers { get; }

    /// <summary>Debits on 6500 and credits on 9500, one per cost centre and account; they sum to zero.</summary>
    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>Whether there is anything to post (false when no support cost remained).</summary>
    public bool HasPostings => Postings.Count > 0;

    /// <summary>
    /// Where every frontline and corporate receiver's allocated cost started: rows add up to each receiver's
    /// received amount, and each origin's rows to the own cost it passed on. Computed once, on first use
    /// (it is the expensive part on a large authority).
    /// </summary>
    public IReadOnlyList<AllocatedOrigin> Origins() =>
        [.. engineOrigins.Value.Select(o => new AllocatedOrigin(FullCostAllocation.Id(o.Receiver), FullCostAllocation.Id(o.Origin), Money.FromPounds(o.Amount)))];

    /// <summary>
    /// One frontline or corporate receiver's story from the engine: who charged it, whose own cost each charge
    /// carried, and through which support cost centre it came ("£x of this is IT's cost that reached you
    /// through HR"), consistent with <see cref="Origins"/>.
    /// </summary>
    public Explanation Explain(int receiverCostCentreId) =>
        Allocation.Origins.Explain(Engine, FullCostAllocation.Key(receiverCostCentreId), [.. originsByReceiver.Value[FullCostAllocation.Key(receiverCostCentreId)]]);

    /// <summary>The allocation as one balanced transaction (refused, like any transaction, when there is nothing to post).</summary>
    public Result<JournalTransaction> ToJournal(JournalHeader header, PeriodState period) =>
        JournalTransaction.Create(header, Postings, period);
}
