using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <summary>A budget in pounds, to the penny, for the financial year starting in <c>FinancialYear</c> (2026 for 2026/27).</summary>
public sealed record SetBudgetRequest(int CostCentreId, int FinancialYear, decimal? Amount);

/// <summary>
/// A finance officer sets a cost centre's budget for a financial year; the audit log keeps the one before. It sets
/// the year's current version — the revised budget once one has been imported, the original until then — with a
/// flat monthly profile. Versions and profiles otherwise come from a budgets file (ImportOrganisation).
/// </summary>
public sealed class SetBudget(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    /// <summary>The most a budget may be, either way (an income budget is negative): the bound of a ledger amount, so sums stay exact.</summary>
    public const decimal MostPounds = 1_000_000_000m;

    public async Task<Outcome<BudgetLine>> HandleAsync(SetBudgetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = tenants.Current;
        var centre = await db.CostCentres.Include(c => c.Authority).Include(c => c.Budgets)
            .FirstOrDefaultAsync(c => c.Id == request.CostCentreId && c.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (centre is null)
        {
            return Outcome<BudgetLine>.NotFound($"There is no cost centre {request.CostCentreId}.");
        }
        if (tenants.Refusal(Permission.SetBudgets, "set budgets") is { } forbidden)
        {
            return Outcome<BudgetLine>.Forbidden(forbidden);
        }
        var year = Inputs.Parse.FinancialYear(request.FinancialYear, tenant.YearStartMonth, "financialYear");
        List<DomainError> errors = [.. Amount(request), .. year.Errors];
        if (errors.Count > 0)
        {
            return Outcome<BudgetLine>.Invalid(errors);
        }
        var before = centre.BudgetFor(year.Value)?.Amount;
        var result = centre.SetBudget(year.Value, Money.FromPounds(request.Amount!.Value));
        if (!result.IsSuccess)
        {
            return Outcome<BudgetLine>.Invalid(result.Errors);
        }
        var label = year.Value.Label;
        audit.Record("budget.set", nameof(CostCentre), centre.Id,
            before is null ? null : new { centre.Code, FinancialYear = label, Amount = before },
            new { centre.Code, FinancialYear = label, Amount = result.Value.Amount });
        await db.SaveChangesAsync(cancellationToken);
        return new BudgetLine(label, result.Value.Amount, result.Value.Version.ToSlug(), result.Value.Profile);
    }

    private static IEnumerable<DomainError> Amount(SetBudgetRequest r)
    {
        if (r.Amount is not { } amount)
        {
            yield return new DomainError("amount", "Enter the budget in pounds.");
        }
        else if (Math.Abs(amount) > MostPounds)
        {
            yield return new DomainError("amount", $"£{amount:#,0.##} is more than a budget may be: at most £{MostPounds:#,0}, plus or minus.");
        }
        else if (!Money.IsWholePence(amount))
        {
            yield return new DomainError("amount", $"£{amount} is not a whole number of pence.");
        }
    }
}
