using FairShare.Domain;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

public sealed record GetCostCentreRequest(int Id);

/// <summary>One of the authority's cost centres with its budgets and the offerings it provides; another authority's is not found.</summary>
public sealed class GetCostCentre(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<CostCentreDetail>> HandleAsync(GetCostCentreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = tenants.Current;
        var centre = await db.CostCentres.AsNoTracking()
            .Include(c => c.Directorate)
            .Include(c => c.Budgets)
            .FirstOrDefaultAsync(c => c.Id == request.Id && c.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (centre is null)
        {
            return Outcome<CostCentreDetail>.NotFound($"There is no cost centre {request.Id}.");
        }
        if (!tenants.Actor.CanReadCostCentre(centre.Id))
        {
            return Outcome<CostCentreDetail>.Forbidden(
                $"{TenantContext.Describe(tenants.Actor)} cannot see {centre.Code} {centre.Name}: it is outside the cost centres of their role.");
        }
        var year = tenant.YearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var offerings = await db.Offerings.AsNoTracking()
            .Where(o => o.ProviderCostCentreId == centre.Id && o.AuthorityId == tenant.AuthorityId)
            .Select(o => new ProvidedOffering(o.Id, o.Code, o.Name, o.Category, o.ChargingClass))
            .ToListAsync(cancellationToken);
        return new CostCentreDetail(
            new CostCentreSummary(centre.Id, centre.Code, centre.Name, centre.Kind, centre.Directorate.Name, year.Label, centre.BudgetFor(year)?.Amount),
            centre.Budgets.OrderByDescending(b => b.FinancialYearStart)
                .Select(b => new BudgetLine(new FinancialYear(b.FinancialYearStart, tenant.YearStartMonth).Label, b.Amount)).ToArray(),
            offerings.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }
}
