using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Suppliers;

public sealed record AddSupplierRequest(SupplierInput Supplier);

/// <summary>Procurement registers an approved external supplier with the contract it was approved under; audited.</summary>
public sealed class AddSupplier(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<SupplierSummary>> HandleAsync(AddSupplierRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageSuppliers, "register suppliers") is { } forbidden)
        {
            return Outcome<SupplierSummary>.Forbidden(forbidden);
        }
        var details = (request.Supplier ?? new SupplierInput(null, null, null, null, null, null)).ToDetails();
        if (!details.IsSuccess)
        {
            return Outcome<SupplierSummary>.Invalid(details.Errors);
        }
        var authorityId = tenants.Current.AuthorityId;
        var code = details.Value.Code.Trim().ToUpperInvariant();
        if (await db.Suppliers.AnyAsync(s => s.AuthorityId == authorityId && s.Code == code, cancellationToken))
        {
            return Outcome<SupplierSummary>.Invalid("code", $"a supplier with the code {code} is already registered.");
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == authorityId, cancellationToken);
        var supplier = Supplier.Register(authority, details.Value);
        if (!supplier.IsSuccess)
        {
            return Outcome<SupplierSummary>.Invalid(supplier.Errors);
        }
        db.Suppliers.Add(supplier.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("supplier.create", nameof(Supplier), supplier.Value.Id, null, SupplierAudit.Snapshot(supplier.Value));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SupplierSummary.Of(supplier.Value, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), 0);
    }
}

internal static class SupplierAudit
{
    public static object Snapshot(Supplier s) => new
    {
        s.Code,
        s.Name,
        s.Description,
        s.ContractReference,
        ContractStart = s.ContractStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ContractEnd = s.ContractEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
