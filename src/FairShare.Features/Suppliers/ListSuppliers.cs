using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Suppliers;

public sealed record ListSuppliersRequest;

/// <summary>The authority's approved external suppliers with their contracts (procurement, administrators, auditors and the panel).</summary>
public sealed class ListSuppliers(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<SupplierRegister>> HandleAsync(ListSuppliersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SupplierAccess.MayRead(tenants.Actor))
        {
            return Outcome<SupplierRegister>.Forbidden($"{TenantContext.Describe(tenants.Actor)} cannot see the supplier register.");
        }
        var authorityId = tenants.Current.AuthorityId;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == authorityId, cancellationToken);
        var counts = await db.Offerings.AsNoTracking().Where(o => o.AuthorityId == authorityId && o.SupplierId != null)
            .GroupBy(o => o.SupplierId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var suppliers = (await db.Suppliers.AsNoTracking().Where(s => s.AuthorityId == authorityId).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => SupplierSummary.Of(s, today, counts.GetValueOrDefault(s.Id)))
            .ToArray();
        return new SupplierRegister(authority.Name, authority.SupplierSelfService, suppliers);
    }
}

/// <summary>Who may read and who may change the supplier register.</summary>
public static class SupplierAccess
{
    public static bool MayRead(Actor actor) => actor.Has(Permission.ManageSuppliers) || actor.Has(Permission.ReadAllCostCentres);
}
