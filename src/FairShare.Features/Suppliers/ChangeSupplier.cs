using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Suppliers;

/// <summary>New details for the supplier with <paramref name="Code"/> (its code itself does not change).</summary>
public sealed record ChangeSupplierRequest(string Code, SupplierInput Supplier);

/// <summary>Procurement changes a supplier's name, description or contract (a renewal, an extension); audited with before and after.</summary>
public sealed class ChangeSupplier(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<SupplierSummary>> HandleAsync(ChangeSupplierRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageSuppliers, "change suppliers") is { } forbidden)
        {
            return Outcome<SupplierSummary>.Forbidden(forbidden);
        }
        var authorityId = tenants.Current.AuthorityId;
        var code = (request.Code ?? "").Trim().ToUpperInvariant();
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.AuthorityId == authorityId && s.Code == code, cancellationToken);
        if (supplier is null)
        {
            return Outcome<SupplierSummary>.NotFound("No supplier of this authority has that code.");
        }
        var input = (request.Supplier ?? new SupplierInput(null, null, null, null, null, null)) with { Code = supplier.Code };
        var details = input.ToDetails();
        if (!details.IsSuccess)
        {
            return Outcome<SupplierSummary>.Invalid(details.Errors);
        }
        var before = SupplierAudit.Snapshot(supplier);
        var changed = supplier.Change(details.Value);
        if (!changed.IsSuccess)
        {
            return Outcome<SupplierSummary>.Invalid(changed.Errors);
        }
        audit.Record("supplier.change", nameof(Supplier), supplier.Id, before, SupplierAudit.Snapshot(supplier));
        await db.SaveChangesAsync(cancellationToken);
        var offerings = await db.Offerings.CountAsync(o => o.AuthorityId == authorityId && o.SupplierId == supplier.Id, cancellationToken);
        return SupplierSummary.Of(supplier, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), offerings);
    }
}
