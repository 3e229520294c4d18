using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <summary>A finance officer sets a cost centre's budget for a financial year.</summary>
public sealed class SetBudget(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    /// <returns>The new budget line, or null when this authority has no such cost centre.</returns>
    public async Task<BudgetLine?> HandleAsync(int costCentreId, int financialYear, decimal amount, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.Current;
        var centre = await db.CostCentres.Include(c => c.Authority).Include(c => c.Budgets)
            .FirstOrDefaultAsync(c => c.Id == costCentreId && c.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (centre is null)
        {
            return null;
        }
        tenants.Require(Permission.SetBudgets, "set budgets");
        if (!Money.IsWholePence(amount))
        {
            throw new ValidationFailedException([new DomainError("amount", $"£{amount} is not a whole number of pence.")]);
        }
        if (financialYear is < 2000 or > 2100)
        {
            throw new ValidationFailedException([new DomainError("financialYear", $"{financialYear} is not a financial year.")]);
        }
        var year = new FinancialYear(financialYear, tenant.YearStartMonth);
        var before = centre.BudgetFor(year)?.Amount;
        var result = centre.SetBudget(year, Money.FromPounds(amount));
        if (!result.IsSuccess)
        {
            throw new ValidationFailedException(result.Errors);
        }
        audit.Record("budget.set", nameof(CostCentre), centre.Id,
            before is null ? null : new { centre.Code, FinancialYear = year.Label, Amount = before },
            new { centre.Code, FinancialYear = year.Label, Amount = result.Value.Amount });
        await db.SaveChangesAsync(cancellationToken);
        return new BudgetLine(year.Label, result.Value.Amount);
    }
}
