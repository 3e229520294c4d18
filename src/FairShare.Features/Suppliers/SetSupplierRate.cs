using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Suppliers;

/// <summary>
/// A contract rate: the supplier's price per unit for one financial year, for one of its offerings (by code). A new
/// offering code needs its name, category and unit; an existing one keeps its own.
/// </summary>
public sealed record SetSupplierRateRequest(
    string SupplierCode, string? OfferingCode, int? FinancialYear, decimal? Rate, string? Name = null, string? Category = null, string? Unit = null);

public sealed record SupplierRateSet(string SupplierCode, string OfferingCode, int OfferingId, string FinancialYear, string Price, bool NewOffering, string Message);

/// <summary>
/// Procurement enters a supplier's contract rate for a year; the offering appears in the catalogue and in
/// comparisons with the contract's reference and end date. A year's rate is never overwritten, and a rate for a
/// year that starts after the contract ends is refused. Audited.
/// </summary>
public sealed class SetSupplierRate(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<SupplierRateSet>> HandleAsync(SetSupplierRateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageSuppliers, "enter suppliers' contract rates") is { } forbidden)
        {
            return Outcome<SupplierRateSet>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        var supplierCode = (request.SupplierCode ?? "").Trim().ToUpperInvariant();
        var supplier = await db.Suppliers.Include(s => s.Authority)
            .FirstOrDefaultAsync(s => s.AuthorityId == tenant.AuthorityId && s.Code == supplierCode, cancellationToken);
        if (supplier is null)
        {
            return Outcome<SupplierRateSet>.NotFound("No supplier of this authority has that code.");
        }
        var errors = new List<DomainError>();
        var code = (request.OfferingCode ?? "").Trim();
        if (code.Length == 0)
        {
            errors.Add(new DomainError("offeringCode", "is required: the code of the supplier's offering, e.g. BRIGHT-LIT."));
        }
        else if (code.Length > 40)
        {
            errors.Add(new DomainError("offeringCode", "is at most 40 characters."));
        }
        Result<FinancialYear>? year = request.FinancialYear is { } y ? Inputs.Parse.FinancialYear(y, tenant.YearStartMonth, "financialYear") : null;
        if (year is null)
        {
            errors.Add(new DomainError("financialYear", "is required: the first calendar year of the financial year, e.g. 2026 for 2026/27."));
        }
        else
        {
            errors.AddRange(year.Errors);
        }
        if (request.Rate is not { } rate)
        {
            errors.Add(new DomainError("rate", "is required: the contract's price per unit in pounds, e.g. 145.00."));
        }
        else if (rate < 0)
        {
            errors.Add(new DomainError("rate", $"cannot be negative (got {rate})."));
        }
        var offering = code.Length == 0 ? null : await db.Offerings.Include(o => o.Authority).Include(o => o.Prices)
            .FirstOrDefaultAsync(o => o.AuthorityId == tenant.AuthorityId && o.Code == code, cancellationToken);
        if (offering is not null && offering.SupplierId != supplier.Id)
        {
            errors.Add(new DomainError("offeringCode", $"{code} is an offering of {(offering.ProviderCostCentreId is null ? "another supplier" : "an internal service")}, not of {supplier.Name}."));
        }
        if (errors.Count > 0)
        {
            return Outcome<SupplierRateSet>.Invalid(errors);
        }
        var financialYear = year!.Value;
        if (supplier.ContractEnd is { } end && financialYear.FirstDay > end)
        {
            return Outcome<SupplierRateSet>.Refused(
                $"{supplier.Name}'s contract ({supplier.ContractReference}) ends on {end:d MMMM yyyy}, before {financialYear.Label} starts: renew the contract first.", "financialYear");
        }
        var isNew = offering is null;
        if (offering is null)
        {
            var created = Offering.Create(new OfferingDraft(code, request.Name ?? "", "", request.Category ?? "", request.Unit ?? "",
                ChargingClass.Tradeable, null, supplier, false));
            if (!created.IsSuccess)
            {
                return Outcome<SupplierRateSet>.Invalid(created.Errors);
            }
            offering = created.Value;
            db.Offerings.Add(offering);
        }
        var price = offering.AddPrice(financialYear, new PayAsYouGo(request.Rate!.Value));
        if (!price.IsSuccess)
        {
            return Outcome<SupplierRateSet>.Refused(string.Join(" ", price.Errors.Select(e => e.Message)), "financialYear");
        }
        var description = price.Value.Terms.Describe(offering.Unit);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (isNew)
        {
            audit.Record("offering.create", nameof(Offering), offering.Id, null,
                new { offering.Code, offering.Name, offering.Category, offering.Unit, Supplier = supplier.Code });
        }
        audit.Record("supplier.rate.set", nameof(Offering), offering.Id, null,
            new { Supplier = supplier.Code, offering.Code, FinancialYear = financialYear.Label, Price = description, supplier.ContractReference });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // "Pay as you go: £145.50 per hour." → "£145.50 per hour": contract rates are all per unit.
        var perUnit = description[(description.IndexOf(": ", StringComparison.Ordinal) + 1)..].Trim().TrimEnd('.');
        return new SupplierRateSet(supplier.Code, offering.Code, offering.Id, financialYear.Label, description, isNew,
            $"{supplier.Name}'s contract rate for {offering.Name}, {financialYear.Label}: {perUnit}.");
    }
}
