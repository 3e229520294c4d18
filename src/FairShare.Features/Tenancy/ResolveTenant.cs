using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Tenancy;

/// <param name="Code">The authority's code (NCC); null or blank for the first authority.</param>
public sealed record ResolveTenantRequest(string? Code);

/// <summary>Finds the authority a host acts for: by code, or the first authority when none is named.</summary>
public sealed class ResolveTenant(FairShareDbContext db)
{
    public async Task<Outcome<Tenant>> HandleAsync(ResolveTenantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.Authorities.AsNoTracking();
        var wanted = request.Code?.Trim().ToUpperInvariant();
        var authority = string.IsNullOrEmpty(wanted)
            ? await query.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken)
            : await query.FirstOrDefaultAsync(a => a.Code == wanted, cancellationToken);
        if (authority is not null)
        {
            return Tenant.Of(authority);
        }
        return string.IsNullOrWhiteSpace(request.Code)
            ? Outcome<Tenant>.NotFound("the database holds no authority yet; run `fairshare init` to create your council, or `fairshare demo` to load the demo council.")
            : Outcome<Tenant>.NotFound($"no authority has the code '{Inputs.Parse.Shown(request.Code)}'.");
    }
}
