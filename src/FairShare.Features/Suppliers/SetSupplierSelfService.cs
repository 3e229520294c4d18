using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Suppliers;

/// <param name="Allowed">On: accounts with the supplier role may sign in and see their own offerings. Off (the default): they cannot sign in or see anything.</param>
public sealed record SetSupplierSelfServiceRequest(bool? Allowed);

/// <summary>An administrator turns supplier self-service accounts on or off for the authority; audited.</summary>
public sealed class SetSupplierSelfService(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<Done>> HandleAsync(SetSupplierSelfServiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.SetAuthorityPolicy, "set the authority's policies") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        if (request.Allowed is not { } allowed)
        {
            return Outcome<Done>.Invalid("allowed", "say whether supplier accounts may sign in: true (on) or false (off).");
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == tenants.Current.AuthorityId, cancellationToken);
        var before = authority.SupplierSelfService;
        if (before != allowed)
        {
            authority.AllowSupplierSelfService(allowed);
            audit.Record("authority.supplier-self-service", nameof(Authority), authority.Id, new { SupplierSelfService = before }, new { SupplierSelfService = allowed });
            await db.SaveChangesAsync(cancellationToken);
        }
        return new Done(allowed
            ? $"{authority.Name}'s suppliers may now sign in and see their own offerings."
            : $"{authority.Name}'s supplier accounts are off: they cannot sign in or see anything.");
    }
}
