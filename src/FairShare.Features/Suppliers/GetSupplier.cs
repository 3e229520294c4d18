using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Suppliers;

public sealed record GetSupplierRequest(string Code);

/// <summary>One supplier with its contract and its contract rates, every year's.</summary>
public sealed class GetSupplier(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public async Task<Outcome<SupplierDetail>> HandleAsync(GetSupplierRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SupplierAccess.MayRead(tenants.Actor))
        {
            return Outcome<SupplierDetail>.Forbidden($"{TenantContext.Describe(tenants.Actor)} cannot see the supplier register.");
        }
        var authorityId = tenants.Current.AuthorityId;
        var code = (request.Code ?? "").Trim().ToUpperInvariant();
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.AuthorityId == authorityId && s.Code == code, cancellationToken);
        if (supplier is null)
        {
            return Outcome<SupplierDetail>.NotFound("No supplier of this authority has that code.");
        }
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Prices)
            .Where(o => o.AuthorityId == authorityId && o.SupplierId == supplier.Id).ToListAsync(cancellationToken);
        var rates = offerings
            .SelectMany(o => o.Prices.Select(p => new ContractRate(o.Id, o.Code, o.Name, o.Category, o.Unit,
                new Domain.FinancialYear(p.FinancialYearStart, tenants.Current.YearStartMonth).Label, p.Terms.Describe(o.Unit))))
            .OrderBy(r => r.OfferingCode, StringComparer.Ordinal).ThenByDescending(r => r.FinancialYear, StringComparer.Ordinal)
            .ToArray();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new SupplierDetail(SupplierSummary.Of(supplier, today, offerings.Count), rates);
    }
}
