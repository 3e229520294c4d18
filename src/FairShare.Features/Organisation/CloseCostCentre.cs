using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <summary>A cost centre by its code, closed from a date (YYYY-MM-DD).</summary>
public sealed record CloseCostCentreRequest(string? Code, string? From);

/// <summary>
/// Closes a cost centre from a date: it takes no usage dated on or after it, and is never deleted (its postings
/// stay). Refused when usage is already recorded on or after the date. Audited. Administrators and finance officers.
/// </summary>
public sealed class CloseCostCentre(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<Done>> HandleAsync(CloseCostCentreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageOrganisation, "close cost centres") is { } forbidden)
        {
            return Outcome<Done>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var code = (request.Code ?? "").Trim();
        var centre = code.Length == 0 ? null : await db.CostCentres.FirstOrDefaultAsync(c => c.AuthorityId == tenant.AuthorityId && c.Code == code, cancellationToken);
        if (centre is null)
        {
            return Outcome<Done>.NotFound($"There is no cost centre '{Inputs.Parse.Shown(code)}'.");
        }
        if (!Imports.IsoDate.TryParse((request.From ?? "").Trim(), out var from))
        {
            return Outcome<Done>.Invalid("from", "Enter the first day it is closed as YYYY-MM-DD.");
        }
        if (centre.ClosedFrom is { } already && already <= from)
        {
            return Outcome<Done>.Refused($"{centre.Code} {centre.Name} is already closed from {already:yyyy-MM-dd}.", "from");
        }
        var later = await db.Usage.AsNoTracking().Where(u => u.AuthorityId == tenant.AuthorityId && u.BuyerCostCentreId == centre.Id && u.Date >= from)
            .OrderBy(u => u.Date).Select(u => (DateOnly?)u.Date).FirstOrDefaultAsync(cancellationToken);
        if (later is { } used)
        {
            return Outcome<Done>.Refused($"{centre.Code} {centre.Name} has usage recorded on {used:yyyy-MM-dd}, on or after {from:yyyy-MM-dd}: close it from a later day, or reverse that usage first.", "from");
        }
        var before = centre.ClosedFrom;
        centre.CloseFrom(from);
        audit.Record("cost-centre.closed", "CostCentre", centre.Id, new { centre.Code, ClosedFrom = before }, new { centre.Code, ClosedFrom = from });
        await db.SaveChangesAsync(cancellationToken);
        return new Done($"{centre.Code} {centre.Name} is closed from {from:yyyy-MM-dd}: it takes no usage on or after that day. It is kept, with its postings.");
    }
}
