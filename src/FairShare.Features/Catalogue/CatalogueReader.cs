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

    public Actor Actor => tenants.Actor;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public FinancialYear CurrentYear => Tenant.YearOf(Today);

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
            .Include(o => o.ChargingClassChanges)
            .AsSplitQuery();
    }

    public async Task<List<Offering>> LoadAsync(CancellationToken cancellationToken) =>
        (await Visible().ToListAsync(cancellationToken))
            .OrderBy(o => o.Category, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The offerings in the catalogue today: withdrawn ones stay on record but leave the catalogue.</summary>
    public async Task<List<Offering>> LoadListedAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Where(o => !o.IsWithdrawnOn(Today)).ToList();

    /// <summary>The day a year's price is read on: today in the current year, the year's first day otherwise.</summary>
    public DateOnly PricedOn(FinancialYear year) => year.Contains(Today) ? Today : year.FirstDay;

    /// <summary>An offering for one year, at the published price in force (drafts are never shown as prices).</summary>
    public OfferingSummary Summarise(Offering o, FinancialYear year)
    {
        var on = PricedOn(year);
        var price = o.PriceOn(on);
        return new OfferingSummary(
            o.Id, o.Code, o.Name, o.Category, o.Unit, o.ProviderName, o.ProviderTypeFor(Tenant.AuthorityId), o.Authority.Name,
            o.ChargingClassOn(on), price?.Model, year.Label,
            price?.Terms.Describe(o.Unit) ?? $"Not priced yet for {year.Label}.",
            Normalise(price?.Terms.ComparableUnitPrice),
            [.. o.DescribeServiceTerms(), .. o.ServiceLevels.OrderBy(s => s.Id).Select(s => s.Describe())]);
    }

    /// <summary>6.85 rather than 6.8500: databases pad decimals to their column's scale.</summary>
    public static decimal? Normalise(decimal? value) => value / 1.0000000000000000000000000000m;

    public FinancialYear YearOrCurrent(int? startYear) =>
        startYear is { } y ? new FinancialYear(y, Tenant.YearStartMonth) : CurrentYear;
}
