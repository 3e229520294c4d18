using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Recharge;

public sealed record SetRechargeMethodRequest(string? Method);

/// <summary>A finance officer sets the method the authority's runs use from now on.</summary>
public sealed class SetRechargeMethod(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<Done>> HandleAsync(SetRechargeMethodRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.RunRecharge, "choose the recharge method") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        var method = Parse.Method(request.Method);
        if (!method.IsSuccess)
        {
            return Outcome<Done>.Invalid(method.Errors);
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == tenants.Current.AuthorityId, cancellationToken);
        var before = authority.RechargeMethod;
        var changed = authority.UseRechargeMethod(method.Value);
        if (!changed.IsSuccess)
        {
            return Outcome<Done>.Invalid(changed.Errors);
        }
        audit.Record("recharge.method", nameof(Authority), authority.Id, new { Method = before.ToString() }, new { Method = method.Value.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return new Done($"Runs now allocate by the {Parse.Word(method.Value)} method.");
    }
}
