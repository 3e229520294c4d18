using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>Checks that a role's scope names a record of the right kind in the same authority (people and API tokens alike).</summary>
public static class RoleScope
{
    public static async Task<IReadOnlyList<DomainError>> CheckAsync(FairShareDbContext db, int authorityId, RoleGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grant);
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(grant.Role))
        {
            errors.Add(new DomainError("role", $"'{grant.Role}' is not a role."));
            return errors;
        }
        if (AccessPolicy.IsScopedToCostCentre(grant.Role))
        {
            var centre = grant.CostCentreId is { } id
                ? await db.CostCentres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.AuthorityId == authorityId, cancellationToken)
                : null;
            if (centre is null)
            {
                errors.Add(new DomainError("costCentreId", $"a {AccessPolicy.Describe(grant.Role).ToLowerInvariant()} needs one of this authority's cost centres."));
            }
            else if (grant.Role is not Role.BudgetHolder && centre.Kind != CostCentreKind.Support)
            {
                errors.Add(new DomainError("costCentreId", $"{centre.Code} is not a support service, so it has no provider."));
            }
        }
        else if (grant.CostCentreId is not null)
        {
            errors.Add(new DomainError("costCentreId", $"a {AccessPolicy.Describe(grant.Role).ToLowerInvariant()} is not limited to a cost centre."));
        }
        if (grant.Role == Role.Supplier)
        {
            if (grant.SupplierId is not { } sid || !await db.Suppliers.AnyAsync(s => s.Id == sid && s.AuthorityId == authorityId, cancellationToken))
            {
                errors.Add(new DomainError("supplierId", "a supplier needs one of this authority's approved suppliers."));
            }
        }
        else if (grant.SupplierId is not null)
        {
            errors.Add(new DomainError("supplierId", $"a {AccessPolicy.Describe(grant.Role).ToLowerInvariant()} is not limited to a supplier."));
        }
        return errors;
    }
}
