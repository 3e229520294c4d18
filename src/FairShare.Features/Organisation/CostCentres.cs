using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

public sealed record CostCentreSummary(
    int Id, string Code, string Name, CostCentreKind Kind, string Directorate, string FinancialYear, Money? Budget);

public sealed record BudgetLine(string FinancialYear, Money Amount);

public sealed record ProvidedOffering(int Id, string Code, string Name, string Category, ChargingClass ChargingClass);

public sealed record CostCentreDetail(
    CostCentreSummary Summary, IReadOnlyList<BudgetLine> Budgets, IReadOnlyList<ProvidedOffering> Offerings);

/// <summary>The authority's cost centres with this year's budget, optionally of one kind.</summary>
public sealed class ListCostCentres(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<IReadOnlyList<CostCentreSummary>> HandleAsync(CostCentreKind? kind = null, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.Current;
        var actor = tenants.Actor;
        if (!actor.Has(Permission.ReadAllCostCentres))
        {
            tenants.Require(Permission.ReadScopedCostCentres, "see cost centres");
        }
        var all = actor.Has(Permission.ReadAllCostCentres);
        var scope = actor.ScopedCostCentres.ToArray();
        var year = tenant.YearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var centres = await db.CostCentres.AsNoTracking()
            .Where(c => c.AuthorityId == tenant.AuthorityId && (kind == null || c.Kind == kind) && (all || scope.Contains(c.Id)))
            .Include(c => c.Directorate)
            .Include(c => c.Budgets)
            .ToListAsync(cancellationToken);
        return centres
            .OrderBy(c => c.Kind).ThenBy(c => c.Directorate.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CostCentreSummary(c.Id, c.Code, c.Name, c.Kind, c.Directorate.Name, year.Label, c.BudgetFor(year)?.Amount))
            .ToArray();
    }
}

/// <summary>One cost centre of the current authority, or null when it is not one of its own.</summary>
public sealed class GetCostCentre(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<CostCentreDetail?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.Current;
        var centre = await db.CostCentres.AsNoTracking()
            .Include(c => c.Directorate)
            .Include(c => c.Budgets)
            .FirstOrDefaultAsync(c => c.Id == id && c.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (centre is null)
        {
            return null;
        }
        if (!tenants.Actor.CanReadCostCentre(centre.Id))
        {
            throw new AccessDeniedException($"{TenantContext.Describe(tenants.Actor)} cannot see {centre.Code} {centre.Name}: it is outside the cost centres of their role.");
        }
        var year = tenant.YearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var offerings = await db.Offerings.AsNoTracking()
            .Where(o => o.ProviderCostCentreId == id && o.AuthorityId == tenant.AuthorityId)
            .Select(o => new ProvidedOffering(o.Id, o.Code, o.Name, o.Category, o.ChargingClass))
            .ToListAsync(cancellationToken);
        return new CostCentreDetail(
            new CostCentreSummary(centre.Id, centre.Code, centre.Name, centre.Kind, centre.Directorate.Name, year.Label, centre.BudgetFor(year)?.Amount),
            centre.Budgets.OrderByDescending(b => b.FinancialYearStart)
                .Select(b => new BudgetLine(new FinancialYear(b.FinancialYearStart, tenant.YearStartMonth).Label, b.Amount)).ToArray(),
            offerings.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }
}

public sealed record AuthoritySummary(int Id, string Code, string Name, string FinancialYearStarts);

/// <summary>The authorities trading on this FairShare: names are public, their data is not.</summary>
public sealed class ListAuthorities(FairShareDbContext db)
{
    public async Task<IReadOnlyList<AuthoritySummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return authorities
            .Select(a => new AuthoritySummary(a.Id, a.Code, a.Name,
                System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(a.YearStartMonth)))
            .ToArray();
    }
}
