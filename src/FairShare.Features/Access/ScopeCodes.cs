using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>Turns the codes people type (S-LEG, SUP-BRIGHT) into this authority's ids.</summary>
public sealed class ScopeCodes(FairShareDbContext db, TenantContext tenants)
{
    public async Task<(int? CostCentreId, int? SupplierId)> ResolveAsync(
        string? costCentreCode, string? supplierCode, List<DomainError> errors, CancellationToken cancellationToken = default)
    {
        var authorityId = tenants.Current.AuthorityId;
        int? costCentreId = null, supplierId = null;
        if (!string.IsNullOrWhiteSpace(costCentreCode))
        {
            var code = costCentreCode.Trim().ToUpperInvariant();
            costCentreId = await db.CostCentres.Where(c => c.AuthorityId == authorityId && c.Code == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (costCentreId is null)
            {
                errors.Add(new DomainError("costCentre", $"'{costCentreCode}' is not one of this authority's cost centres."));
            }
        }
        if (!string.IsNullOrWhiteSpace(supplierCode))
        {
            var code = supplierCode.Trim().ToUpperInvariant();
            supplierId = await db.Suppliers.Where(s => s.AuthorityId == authorityId && s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (supplierId is null)
            {
                errors.Add(new DomainError("supplier", $"'{supplierCode}' is not one of this authority's suppliers."));
            }
        }
        return (costCentreId, supplierId);
    }

    /// <summary>
    /// A role as people type it, with its scope: one or more cost centre codes (separated by commas or spaces: a budget
    /// holder of several holds the role once for each) or a supplier code. Errors name the fields role, costCentre, supplier.
    /// </summary>
    public async Task<IReadOnlyList<RoleGrant>> GrantsAsync(string? role, string? costCentreCodes, string? supplierCode, List<DomainError> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parsed = Inputs.Parse.Word<Domain.Access.Role>(role, "role");
        errors.AddRange(parsed.Errors);
        var codes = (costCentreCodes ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var grants = new List<RoleGrant>();
        var (_, supplierId) = await ResolveAsync(null, supplierCode, errors, cancellationToken);
        foreach (var code in codes.Length == 0 ? [(string?)null] : codes.Cast<string?>())
        {
            var (costCentreId, _) = await ResolveAsync(code, null, errors, cancellationToken);
            if (parsed.IsSuccess)
            {
                grants.Add(new RoleGrant(parsed.Value, costCentreId, supplierId));
            }
        }
        return grants;
    }
}
