using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <param name="Period">Only the imports with records in this period (YYYY-MM); null for all.</param>
public sealed record ListImportsRequest(string? Period = null);

/// <summary>One import: what it holds, the periods it wrote into, and whether it stands or was withdrawn (by whom, when, why).</summary>
public sealed record ImportSummary(int Id, ImportKind Kind, string FileName, IReadOnlyList<string> Periods, int Rows, decimal Total, DateTimeOffset At, string ImportedBy,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason)
{
    public string State => WithdrawnAt is null ? "imported" : "withdrawn";
}

/// <summary>The authority's imports, newest first, for finance officers and auditors (the month end's reading permission).</summary>
public sealed class ListImports(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<IReadOnlyList<ImportSummary>>> HandleAsync(ListImportsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadLedger, "list imports") is { } forbidden)
        {
            return Outcome<IReadOnlyList<ImportSummary>>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        string? only = null;
        if (request.Period is not null)
        {
            var parsed = Inputs.Parse.Period(request.Period, tenant.YearStartMonth);
            if (!parsed.IsSuccess)
            {
                return Outcome<IReadOnlyList<ImportSummary>>.Invalid(parsed.Errors);
            }
            only = parsed.Value.Month;
        }
        var periods = (await ImportPeriods.OfAsync(db, tenant.AuthorityId, null, cancellationToken))
            .ToLookup(p => p.Batch, p => new Domain.FinancialYear(p.YearStart, tenant.YearStartMonth).Period(p.Period));
        var batches = await db.ImportBatches.AsNoTracking().Where(b => b.AuthorityId == tenant.AuthorityId && b.Rows > 0)
            .OrderByDescending(b => b.Id).ToListAsync(cancellationToken);
        var listed = batches.Select(b => new ImportSummary(b.Id, b.Kind, b.FileName,
                [.. (b.IsWithdrawn ? ImportPeriods.Withdrawn(b.WithdrawnPeriods, tenant.YearStartMonth) : periods[b.Id]).Distinct().OrderBy(p => (p.Year.StartYear, p.Number)).Select(p => p.Month)],
                b.Rows, b.Total, b.At, b.ImportedBy, b.WithdrawnAt, b.WithdrawnBy, b.WithdrawalReason))
            .Where(s => only is null || s.Periods.Contains(only));
        return Outcome<IReadOnlyList<ImportSummary>>.Ok([.. listed]);
    }
}
