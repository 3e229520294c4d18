using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Domain.Text;
using FairShare.Features.Access;
using FairShare.Features.Recharge;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <param name="ImportId">The import's number (as its import said: "as import 12").</param>
/// <param name="Reason">Why it is withdrawn, for the audit log: required to withdraw, at most <see cref="ImportBatch.MaxWithdrawalReason"/> characters; a dry run may leave it out.</param>
/// <param name="DryRun">Say what would be removed, and write nothing.</param>
public sealed record WithdrawImportRequest(int ImportId, string? Reason, bool DryRun = false);

/// <summary>The records of one kind an import held: how many, and their control total (quantities, values, or pounds).</summary>
public sealed record RemovedRecords(ImportKind Kind, int Rows, decimal Total)
{
    public string What => Kind switch
    {
        ImportKind.Usage => English.Count(Rows, "usage record"),
        ImportKind.Drivers => English.Count(Rows, "driver value"),
        ImportKind.Costs => English.Count(Rows, "actual cost"),
        ImportKind.Attributions => English.Count(Rows, "direct attribution"),
        _ => English.Count(Rows, "apportionment"),
    };

    public override string ToString() => $"{What} (control total {Total.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>What a withdrawal removed, or, for a dry run, would remove.</summary>
public sealed record ImportWithdrawal(int ImportId, ImportKind Kind, string FileName, string ImportedBy, DateTimeOffset ImportedAt,
    IReadOnlyList<string> Periods, IReadOnlyList<RemovedRecords> Removed, int Rows, bool DryRun, string Message);

/// <summary>
/// Withdraws an import: removes every record it wrote — usage, driver values, actual costs, attributions and
/// apportionments alike — while each period they are in is open (the period's table decides
/// <see cref="PeriodTrigger.WithdrawImport"/>: not once its run is posted, nor once it is closed). The import itself
/// is kept, marked withdrawn with who, when and why, and the withdrawal is audited; usage totals, which are appended
/// to and never changed, get negating rows. The same file can then be imported again. A dry run says what would go.
/// </summary>
public sealed class WithdrawImport(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ImportWithdrawal>> HandleAsync(WithdrawImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = tenants.Actor;
        if (!actor.Has(Permission.ImportUsage) && !actor.Has(Permission.ImportLedgerData))
        {
            return Outcome<ImportWithdrawal>.Forbidden($"{TenantContext.Describe(actor)} cannot withdraw imports.");
        }
        var reason = (request.Reason ?? "").Trim();
        if (reason.Length > ImportBatch.MaxWithdrawalReason)
        {
            return Outcome<ImportWithdrawal>.Invalid("reason", $"is {reason.Length:N0} characters; a reason has at most {ImportBatch.MaxWithdrawalReason}.");
        }
        if (reason.Length == 0 && !request.DryRun)
        {
            return Outcome<ImportWithdrawal>.Invalid("reason", "Enter why the import is withdrawn: it goes into the audit log.");
        }
        var tenant = tenants.Current;
        var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.ImportId && b.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (batch is null)
        {
            return Outcome<ImportWithdrawal>.NotFound($"There is no import {request.ImportId}.");
        }
        if (tenants.Refusal(batch.Kind == ImportKind.Usage ? Permission.ImportUsage : Permission.ImportLedgerData,
            $"withdraw a {batch.Kind.ToString().ToLowerInvariant()} import") is { } forbidden)
        {
            return Outcome<ImportWithdrawal>.Forbidden(forbidden);
        }
        if (batch.WithdrawnAt is { } withdrawnAt)
        {
            return Outcome<ImportWithdrawal>.Refused(
                $"Import {batch.Id} was withdrawn on {withdrawnAt.UtcDateTime:yyyy-MM-dd HH:mm} by {batch.WithdrawnBy}: {batch.WithdrawalReason}", "import");
        }

        var held = await HeldAsync(batch, tenant.YearStartMonth, cancellationToken);
        if (held.Removed.Sum(r => r.Rows) == 0)
        {
            return Outcome<ImportWithdrawal>.Refused($"Import {batch.Id} holds no records now (later corrections replaced them); there is nothing to withdraw.", "import");
        }
        if (held.HoldsCorrections)
        {
            return Outcome<ImportWithdrawal>.Refused($"Import {batch.Id} corrected records of earlier imports; withdrawing it would leave those records with neither their old "
                + "nor their new values. Send the records again as corrections instead.", "import");
        }
        if (await PeriodRefusalAsync(tenant.AuthorityId, held.Periods, cancellationToken) is { } refusal)
        {
            return Outcome<ImportWithdrawal>.Refused($"Import {batch.Id} cannot be withdrawn: {refusal}", "import");
        }
        if (batch.Kind == ImportKind.Usage && await UsageRefusalAsync(tenant.AuthorityId, batch.Id, cancellationToken) is { } scope)
        {
            return Outcome<ImportWithdrawal>.Forbidden(scope);
        }

        var periods = held.Periods.Select(p => p.Month).ToList();
        var rows = held.Removed.Sum(r => r.Rows);
        var what = English.List([.. held.Removed.Where(r => r.Rows > 0).Select(r => r.What)]);
        if (request.DryRun)
        {
            return new ImportWithdrawal(batch.Id, batch.Kind, batch.FileName, batch.ImportedBy, batch.At, periods, held.Removed, rows, true,
                $"Withdrawing import {batch.Id} ({batch.FileName}) would remove {what} from {English.List([.. periods])}. Nothing was changed (dry run).");
        }

        var now = clock.GetUtcNow();
        var by = actor.Name;
        var periodList = string.Join(", ", periods);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claimed first, by a conditional update: of two withdrawals at once exactly one removes anything.
        var claimed = await db.ImportBatches.Where(b => b.Id == batch.Id && b.AuthorityId == tenant.AuthorityId && b.WithdrawnAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.WithdrawnAt, now).SetProperty(b => b.WithdrawnBy, by)
                .SetProperty(b => b.WithdrawalReason, reason).SetProperty(b => b.WithdrawnPeriods, periodList), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Outcome<ImportWithdrawal>.Refused($"Import {batch.Id} was withdrawn a moment ago by someone else; nothing was removed twice.", "import");
        }
        var authority = tenant.AuthorityId;
        await db.Usage.Where(u => u.AuthorityId == authority && u.ImportBatchId == batch.Id).ExecuteDeleteAsync(cancellationToken);
        await db.DriverValues.Where(d => d.AuthorityId == authority && d.ImportBatchId == batch.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CostActuals.Where(c => c.AuthorityId == authority && c.ImportBatchId == batch.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ProviderCosts.Where(c => c.AuthorityId == authority && c.ImportBatchId == batch.Id).ExecuteDeleteAsync(cancellationToken);
        db.UsageSummaries.AddRange(held.NegatedTotals);
        audit.Record("import.withdraw", nameof(ImportBatch), batch.Id,
            new { batch.FileName, batch.Rows, batch.Total, Periods = periods },
            new { Reason = reason, Removed = held.Removed.Where(r => r.Rows > 0).Select(r => new { r.Kind, r.Rows, r.Total }) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportWithdrawal(batch.Id, batch.Kind, batch.FileName, batch.ImportedBy, batch.At, periods, held.Removed, rows, false,
            $"Import {batch.Id} ({batch.FileName}) is withdrawn: {what} removed from {English.List([.. periods])}. The same file can be imported again.");
    }

    private sealed record Held(IReadOnlyList<RemovedRecords> Removed, IReadOnlyList<AccountingPeriod> Periods, List<UsageSummaryRow> NegatedTotals, bool HoldsCorrections);

    /// <summary>What the import holds now, of every kind (the demo's import holds several), and the usage totals that take its records back out.</summary>
    private async Task<Held> HeldAsync(ImportBatch batch, int yearStartMonth, CancellationToken ct)
    {
        var authority = batch.AuthorityId;
        // Streamed, not loaded: a usage import can hold a million records.
        var totals = new UsageTotals(yearStartMonth);
        var usageRows = 0;
        var quantity = 0m;
        await foreach (var u in db.Usage.AsNoTracking().Where(u => u.AuthorityId == authority && u.ImportBatchId == batch.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            totals.Add(u);
            usageRows++;
            quantity += u.Quantity;
        }
        var negated = totals.Rows();
        foreach (var row in negated)
        {
            row.Quantity = -row.Quantity;
            row.Records = -row.Records;
        }
        var drivers = await db.DriverValues.AsNoTracking().Where(d => d.AuthorityId == authority && d.ImportBatchId == batch.Id)
            .Select(d => new { d.FinancialYearStart, d.PeriodNumber, d.Value }).ToListAsync(ct);
        var costs = await db.CostActuals.AsNoTracking().Where(c => c.AuthorityId == authority && c.ImportBatchId == batch.Id)
            .Select(c => new { c.FinancialYearStart, c.PeriodNumber, c.Amount }).ToListAsync(ct);
        var providers = await db.ProviderCosts.AsNoTracking().Where(c => c.AuthorityId == authority && c.ImportBatchId == batch.Id)
            .Select(c => new { c.FinancialYearStart, c.PeriodNumber, c.Amount, Attribution = c.BuyerCostCentreId != null }).ToListAsync(ct);
        var corrections = await db.UsageSummaries.AsNoTracking().AnyAsync(s => s.AuthorityId == authority && s.ImportBatchId == batch.Id && s.Records < 0, ct);

        RemovedRecords Pounds(ImportKind kind, IEnumerable<Money> amounts)
        {
            var list = amounts.ToList();
            return new RemovedRecords(kind, list.Count, list.Aggregate(Money.Zero, (a, b) => a + b).Pounds);
        }
        RemovedRecords[] removed =
        [
            new(ImportKind.Usage, usageRows, quantity),
            new(ImportKind.Drivers, drivers.Count, drivers.Sum(d => d.Value)),
            Pounds(ImportKind.Costs, costs.Select(c => c.Amount)),
            Pounds(ImportKind.Attributions, providers.Where(p => p.Attribution).Select(p => p.Amount)),
            Pounds(ImportKind.Apportionments, providers.Where(p => !p.Attribution).Select(p => p.Amount)),
        ];
        var periods = negated.Select(n => (n.FinancialYearStart, n.PeriodNumber))
            .Concat(drivers.Select(d => (d.FinancialYearStart, d.PeriodNumber)))
            .Concat(costs.Select(c => (c.FinancialYearStart, c.PeriodNumber)))
            .Concat(providers.Select(p => (p.FinancialYearStart, p.PeriodNumber)))
            .Distinct().Order().Select(p => new FinancialYear(p.FinancialYearStart, yearStartMonth).Period(p.PeriodNumber)).ToList();
        // The import's own kind first, then any other its file held.
        return new Held([.. removed.OrderBy(r => r.Kind == batch.Kind ? 0 : 1).ThenBy(r => r.Kind).Where(r => r.Kind == batch.Kind || r.Rows > 0)],
            periods, negated, corrections);
    }

    /// <summary>Why a period the import's records are in does not let them be withdrawn now (its run posted, or closed), or null.</summary>
    private async Task<string?> PeriodRefusalAsync(int authorityId, IReadOnlyList<AccountingPeriod> periods, CancellationToken ct)
    {
        var refusals = new List<string>();
        foreach (var year in periods.GroupBy(p => p.Year))
        {
            var statuses = await PeriodLedger.StatusesAsync(db, authorityId, year.Key, ct);
            foreach (var period in year)
            {
                var decided = PeriodState.Load(authorityId, period, statuses[period.Number]).Apply(PeriodTrigger.WithdrawImport, new PeriodFacts(null));
                if (!decided.IsSuccess)
                {
                    refusals.AddRange(decided.Errors.Select(e => e.Message));
                }
            }
        }
        return refusals.Count == 0 ? null : string.Join(" ", refusals);
    }

    /// <summary>Provider staff withdraw usage of their own service's offerings only, as they import it.</summary>
    private async Task<string?> UsageRefusalAsync(int authorityId, int batchId, CancellationToken ct)
    {
        var providers = await db.Offerings.AsNoTracking()
            .Where(o => o.AuthorityId == authorityId && db.Usage.Any(u => u.AuthorityId == authorityId && u.ImportBatchId == batchId && u.OfferingId == o.Id))
            .Select(o => new { o.Code, o.ProviderCostCentreId }).ToListAsync(ct);
        var others = providers.Where(p => !tenants.Actor.CanRecordUsageOf(p.ProviderCostCentreId)).Select(p => p.Code).Order().ToList();
        return others.Count == 0 ? null
            : $"{TenantContext.Describe(tenants.Actor)} cannot withdraw usage of {English.List(others)}: it is another service's.";
    }
}
