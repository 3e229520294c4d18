using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

/// <param name="CostCentre">The support service's cost centre code.</param>
/// <param name="Driver">A driver's name (its values are imported per period), or null for what each receiver bought.</param>
public sealed record SetAllocationDriverRequest(string? CostCentre, string? Driver);

/// <summary>A finance officer chooses what a support service's remaining cost is allocated by, from the next run on.</summary>
public sealed class SetAllocationDriver(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<Done>> HandleAsync(SetAllocationDriverRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.RunRecharge, "choose a support service's allocation driver") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        var code = (request.CostCentre ?? "").Trim();
        var centre = await db.CostCentres.SingleOrDefaultAsync(c => c.AuthorityId == tenants.Current.AuthorityId && c.Code == code, cancellationToken);
        if (centre is null)
        {
            return Outcome<Done>.Invalid("costCentre", $"'{Inputs.Parse.Shown(code)}' is not one of this authority's cost centres.");
        }
        var before = centre.AllocationDriver;
        var changed = centre.AllocateBy(request.Driver);
        if (!changed.IsSuccess)
        {
            return Outcome<Done>.Invalid(changed.Errors);
        }
        audit.Record("recharge.driver", nameof(CostCentre), centre.Id, new { Driver = before }, new { Driver = centre.AllocationDriver });
        await db.SaveChangesAsync(cancellationToken);
        return new Done(centre.AllocationDriver is { } d
            ? $"{centre.Code} {centre.Name}: its remaining cost is now allocated by {d} (import '{d}' driver values for each period)."
            : $"{centre.Code} {centre.Name}: its remaining cost is now allocated by what each receiver bought from it.");
    }
}
