using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Catalogue;

/// <summary>
/// What an authority may see of the marketplace: its own offerings (internal and its approved external
/// suppliers') and the offerings other authorities list on the shared marketplace.
/// </summary>
public sealed class CatalogueReader(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public Tenant Tenant => tenants.Current;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public FinancialYear CurrentYear => Tenant.YearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));

    /// <summary>Why the actor may not read the catalogue, or null; each catalogue use case asks before it reads.</summary>
    public string? Refusal => tenants.Refusal(Permission.ReadCatalogue, "read the catalogue");

    /// <summary>A supplier sees only its own offerings; every other role sees the whole marketplace.</summary>
    public IQueryable<Offering> Visible()
    {
        var authorityId = Tenant.AuthorityId;
        var query = db.Offerings.AsNoTracking().Where(o => o.AuthorityId == authorityId || o.ListedOnMarketplace);
        if (tenants.Actor.SeesOnlyOwnSupplierOfferings)
        {
            var suppliers = tenants.Actor.ScopedSuppliers.ToArray();
            query = query.Where(o => o.AuthorityId == authorityId && o.SupplierId != null && suppliers.Contains(o.SupplierId.Value));
        }
        return query
            .Include(o => o.Authority)
            .Include(o => o.ProviderCostCentre)
            .Include(o => o.Supplier)
            .Include(o => o.Prices)
            .Include(o => o.ServiceLevels)
            .AsSplitQuery();
    }

    public async Task<List<Offering>> LoadAsync(CancellationToken cancellationToken) =>
        (await Visible().ToListAsync(cancellationToken))
            .OrderBy(o => o.Category, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public OfferingSummary Summarise(Offering o, FinancialYear year)
    {
        var price = o.PriceFor(year);
        return new OfferingSummary(
            o.Id, o.Code, o.Name, o.Category, o.Unit, o.ProviderName, o.ProviderTypeFor(Tenant.AuthorityId), o.Authority.Name,
            o.ChargingClass, price?.Model, year.Label,
            price?.Terms.Describe(o.Unit) ?? $"No price for {year.Label}.",
            Normalise(price?.Terms.ComparableUnitPrice),
            o.ServiceLevels.OrderBy(s => s.Id).Select(s => s.Describe()).ToArray());
    }

    /// <summary>6.85 rather than 6.8500: databases pad decimals to their column's scale.</summary>
    public static decimal? Normalise(decimal? value) => value / 1.0000000000000000000000000000m;

    public FinancialYear YearOrCurrent(int? startYear) =>
        startYear is { } y ? new FinancialYear(y, Tenant.YearStartMonth) : CurrentYear;
}
