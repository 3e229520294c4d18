using System.Text.Json;
using FairShare.Allocation;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

public sealed record ProviderRecovery(string Code, string Name, Money Cost, Money Income, Money RemainingBefore, Money Allocated, Money RemainingAfter);

/// <summary>What a run did (or, dry, would do): totals, journals, and each provider's recovery before and after allocation.</summary>
public sealed record RechargeRunSummary(
    int? RunId, string Period, string Method, bool Posted, int Transactions, int Postings, Money ActualCosts, Money Charges,
    Money Allocated, Money TotalCostBefore, Money TotalCostAfter, IReadOnlyList<ProviderRecovery> Providers, IReadOnlyList<string> Notes);

/// <summary>
/// The monthly recharge run: actual costs, priced charges (usage, subscriptions, fixed fee plus driver) and the
/// full-cost allocation of what support services did not recover, posted as balanced journals in one database
/// transaction. A period has at most one posted run, guaranteed by a unique index; reverse it to run again.
/// </summary>
public sealed class RunRecharge(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Runs (or, dry, computes) the period's recharge, by the method given or else the authority's own (reciprocal unless changed).</summary>
    public async Task<RechargeRunSummary> HandleAsync(string period, bool dryRun, AllocationMethod? method = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "run the recharge");
        var tenant = tenants.Current;
        var chosen = method ?? await db.Authorities.AsNoTracking().Where(a => a.Id == tenant.AuthorityId).Select(a => a.RechargeMethod).SingleAsync(cancellationToken);
        return await RunAsync(period, dryRun, chosen, progress, cancellationToken);
    }

    private async Task<RechargeRunSummary> RunAsync(string period, bool dryRun, AllocationMethod method, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var tenant = tenants.Current;
        var accounting = RechargePeriods.Parse(period, tenant.YearStartMonth);
        if (method is not (AllocationMethod.Reciprocal or AllocationMethod.Direct or AllocationMethod.StepDown))
        {
            throw new ValidationFailedException([new DomainError("method", "the recharge allocates by the reciprocal (default), direct or step-down method.")]);
        }
        if (await PostedRunAsync(tenant.AuthorityId, accounting, cancellationToken) is { } posted)
        {
            throw new ValidationFailedException([new DomainError("period", $"{accounting.Month} is already posted as run {posted.Id}; reverse it first to run again.")]);
        }
        var state = await RechargeQueries.PeriodStateAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        if (state.IsClosed)
        {
            throw new ValidationFailedException([new DomainError("period", $"{accounting.Month} is closed; nothing can be posted into it.")]);
        }

        progress?.Report("Loading costs, usage, orders and drivers");
        var inputs = await RechargeInputs.LoadAsync(db, tenant.AuthorityId, accounting, cancellationToken);
        var now = clock.GetUtcNow();
        var who = tenants.Actor.Name;
        JournalHeader Header(string what) => new(tenant.AuthorityId, accounting, JournalSource.Run($"recharge {accounting.Month}"), what, who, now);

        progress?.Report("Pricing charges");
        var computation = RechargeComputation.Compute(inputs, accounting, method, Header, state);
        if (!computation.IsSuccess)
        {
            throw new ValidationFailedException(computation.Errors);
        }
        var result = computation.Value;
        var summary = result.Summary(inputs, accounting, method);
        if (dryRun)
        {
            return summary;
        }

        progress?.Report("Posting");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new RechargeRunRow
        {
            AuthorityId = tenant.AuthorityId,
            FinancialYearStart = accounting.Year.StartYear,
            PeriodNumber = accounting.Number,
            Status = RechargeRunStatus.Posted,
            Method = method.ToString(),
            PostedAt = now,
            PostedBy = who,
            Summary = JsonSerializer.Serialize(summary, FairShareJson.Compact),
        };
        db.RechargeRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await PostedRunAsync(tenant.AuthorityId, accounting, cancellationToken);
            throw new ValidationFailedException([new DomainError("period", $"{accounting.Month} is already posted as run {winner?.Id}; reverse it first to run again.")]);
        }
        progress?.Report("Writing journals and statement lines");
        await RechargeQueries.SaveJournalsAsync(db, [.. result.Journals.Select(j => RechargeQueries.ToRow(j, run.Id))], cancellationToken);
        await BulkInsert.WriteAsync(db, result.Lines.Select(l => l.ToRow(tenant.AuthorityId, run.Id)).ToList(), cancellationToken);
        audit.Record("recharge.run", "RechargeRun", run.Id, null,
            new { Period = accounting.Month, Method = method.ToString(), summary.Charges, summary.Allocated, summary.Transactions });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return summary with { RunId = run.Id, Posted = true };
    }

    /// <summary>A finance officer sets the method the authority's runs use from now on.</summary>
    public async Task SetMethodAsync(AllocationMethod method, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "choose the recharge method");
        var authority = await db.Authorities.SingleAsync(a => a.Id == tenants.Current.AuthorityId, cancellationToken);
        var before = authority.RechargeMethod;
        var changed = authority.UseRechargeMethod(method);
        if (!changed.IsSuccess)
        {
            throw new ValidationFailedException(changed.Errors);
        }
        audit.Record("recharge.method", nameof(Authority), authority.Id, new { Method = before.ToString() }, new { Method = method.ToString() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A finance officer chooses what a support service's remaining cost is allocated by, from the next run on:
    /// a driver's name (its values are imported per period), or null for what each receiver bought. Returns a
    /// sentence saying what runs will now do.
    /// </summary>
    public async Task<string> SetAllocationDriverAsync(string costCentreCode, string? driver, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.RunRecharge, "choose a support service's allocation driver");
        var centre = await db.CostCentres.SingleOrDefaultAsync(c => c.AuthorityId == tenants.Current.AuthorityId && c.Code == costCentreCode, cancellationToken)
            ?? throw new ValidationFailedException([new DomainError("costCentre", $"'{costCentreCode}' is not one of this authority's cost centres.")]);
        var before = centre.AllocationDriver;
        var changed = centre.AllocateBy(driver);
        if (!changed.IsSuccess)
        {
            throw new ValidationFailedException(changed.Errors);
        }
        audit.Record("recharge.driver", nameof(CostCentre), centre.Id, new { Driver = before }, new { Driver = centre.AllocationDriver });
        await db.SaveChangesAsync(cancellationToken);
        return centre.AllocationDriver is { } d
            ? $"{centre.Code} {centre.Name}: its remaining cost is now allocated by {d} (import '{d}' driver values for each period)."
            : $"{centre.Code} {centre.Name}: its remaining cost is now allocated by what each receiver bought from it.";
    }

    private Task<RechargeRunRow?> PostedRunAsync(int authorityId, AccountingPeriod period, CancellationToken cancellationToken) =>
        RechargeQueries.PostedRunAsync(db, authorityId, period, cancellationToken);
}

/// <summary>Everything a run reads, loaded once.</summary>
internal sealed record RechargeInputs(
    IReadOnlyList<AllocationCostCentre> CostCentres,
    IReadOnlyDictionary<int, Offering> Offerings,
    IReadOnlyList<CostActual> Actuals,
    IReadOnlyList<UsageTotal> UsageInPeriod,
    IReadOnlyDictionary<(int Buyer, int Offering), decimal> UsageBeforePeriod,
    IReadOnlyList<ServiceOrder> Orders,
    IReadOnlyList<DriverValue> Drivers,
    IReadOnlyList<ProviderCost> ProviderCosts,
    IReadOnlyDictionary<int, string> AllocationDrivers)
{
    public static async Task<RechargeInputs> LoadAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken ct)
    {
        // Every list in id order: PostgreSQL returns rows in no set order, and a run must post the same journal
        // (line for line) whenever it is run on the same data.
        var rows = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Name, c.Kind, c.AllocationDriver }).ToListAsync(ct);
        var centres = rows.Select(c => new AllocationCostCentre(c.Id, c.Code, c.Name, c.Kind)).ToList();
        var allocationDrivers = rows.Where(c => c.AllocationDriver is not null).ToDictionary(c => c.Id, c => c.AllocationDriver!);
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Authority).Include(o => o.Prices)
            .Where(o => o.AuthorityId == authorityId && o.ProviderCostCentreId != null).OrderBy(o => o.Id).ToDictionaryAsync(o => o.Id, ct);
        int year = period.Year.StartYear, number = period.Number;
        var actuals = await db.CostActuals.AsNoTracking()
            .Where(c => c.AuthorityId == authorityId && c.FinancialYearStart == year && c.PeriodNumber == number).OrderBy(c => c.Id).ToListAsync(ct);
        // Usage comes totalled per (period, buyer, offering) by each import: a large council's month is millions
        // of records, and prices hold for the whole year, so the totals are all the pricing needs.
        var summaries = await db.UsageSummaries.AsNoTracking()
            .Where(u => u.AuthorityId == authorityId && u.FinancialYearStart == year && u.PeriodNumber <= number).OrderBy(u => u.Id)
            .Select(u => new { u.PeriodNumber, u.BuyerCostCentreId, u.OfferingId, u.Quantity, u.Records }).ToListAsync(ct);
        var usage = summaries.Where(u => u.PeriodNumber == number).GroupBy(u => (u.BuyerCostCentreId, u.OfferingId))
            .Select(g => new UsageTotal(g.Key.BuyerCostCentreId, g.Key.OfferingId, g.Sum(u => u.Quantity), g.Sum(u => u.Records))).ToList();
        var before = summaries.Where(u => u.PeriodNumber < number).GroupBy(u => (u.BuyerCostCentreId, u.OfferingId))
            .ToDictionary(g => g.Key, g => g.Sum(u => u.Quantity));
        var orders = await db.ServiceOrders.AsNoTracking().Where(o => o.AuthorityId == authorityId && o.FinancialYearStart == year).OrderBy(o => o.Id).ToListAsync(ct);
        var drivers = await db.DriverValues.AsNoTracking()
            .Where(d => d.AuthorityId == authorityId && d.FinancialYearStart == year && d.PeriodNumber == number).OrderBy(d => d.Id).ToListAsync(ct);
        var providerCosts = await db.ProviderCosts.AsNoTracking()
            .Where(c => c.AuthorityId == authorityId && c.FinancialYearStart == year && c.PeriodNumber == number).OrderBy(c => c.Id).ToListAsync(ct);
        return new RechargeInputs(centres, offerings, actuals, usage, before, orders, drivers, providerCosts, allocationDrivers);
    }
}
