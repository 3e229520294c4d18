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
        var fund = await db.Funds.AsNoTracking().Where(f => f.AuthorityId == tenant.AuthorityId && (centre.FundId == null ? f.Code == Fund.GeneralFundCode : f.Id == centre.FundId))
            .Select(f => new { f.Code, f.Name, f.RingFenced }).FirstOrDefaultAsync(cancellationToken);
        var holder = centre.BudgetHolderId is { } h
            ? await db.UserAccounts.AsNoTracking().Where(u => u.Id == h && u.AuthorityId == tenant.AuthorityId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            : null;
        var filing = new CostCentreFiling(centre.Directorate.Code, fund?.Code ?? Fund.GeneralFundCode, fund?.Name ?? "General Fund", fund?.RingFenced ?? false, holder,
            centre.ServiceLineCode, centre.ServiceLineName, centre.ClosedFrom);
        return new CostCentreDetail(
            new CostCentreSummary(centre.Id, centre.Code, centre.Name, centre.Kind, centre.Directorate.Name, year.Label, centre.BudgetFor(year)?.Amount),
            centre.Budgets.OrderByDescending(b => b.FinancialYearStart).ThenBy(b => b.Version)
                .Select(b => new BudgetLine(new FinancialYear(b.FinancialYearStart, tenant.YearStartMonth).Label, b.Amount, b.Version.ToSlug(), b.Profile)).ToArray(),
            offerings.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToArray(), filing);
    }
}
