using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <param name="Kind">frontline, support, corporate-and-democratic-core, non-distributed-costs, or corporate for both of those; every kind when left out.</param>
public sealed record ListCostCentresRequest(string? Kind = null);

/// <summary>The authority's cost centres with this year's budget: all of them, or those of the actor's role.</summary>
public sealed class ListCostCentres(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<CostCentreSummary>>> HandleAsync(ListCostCentresRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = tenants.Actor;
        var all = actor.Has(Permission.ReadAllCostCentres);
        if (!all && tenants.Refusal(Permission.ReadScopedCostCentres, "see cost centres") is { } forbidden)
        {
            return Outcome<IReadOnlyList<CostCentreSummary>>.Forbidden(forbidden);
        }
        CostCentreKind? kind = null;
        var corporate = string.Equals(request.Kind?.Trim(), "corporate", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(request.Kind) && !corporate)
        {
            var parsed = Parse.Word<CostCentreKind>(request.Kind, "kind");
            if (!parsed.IsSuccess)
            {
                return Outcome<IReadOnlyList<CostCentreSummary>>.Invalid(parsed.Errors);
            }
            kind = parsed.Value;
        }
        var tenant = tenants.Current;
        var scope = actor.ScopedCostCentres.ToArray();
        var year = tenant.YearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var centres = await db.CostCentres.AsNoTracking()
            .Where(c => c.AuthorityId == tenant.AuthorityId && (kind == null || c.Kind == kind) && (!corporate || c.Kind == CostCentreKind.CorporateAndDemocraticCore || c.Kind == CostCentreKind.NonDistributedCosts) && (all || scope.Contains(c.Id)))
            .Include(c => c.Directorate)
            .Include(c => c.Budgets)
            .ToListAsync(cancellationToken);
        return centres
            .OrderBy(c => c.Kind).ThenBy(c => c.Directorate.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CostCentreSummary(c.Id, c.Code, c.Name, c.Kind, c.Directorate.Name, year.Label, c.BudgetFor(year)?.Amount))
            .ToArray();
    }
}
