using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Catalogue;

/// <summary>What a provider manager sends to price an offering for a financial year.</summary>
public sealed record OfferingPriceInput(
    int FinancialYear,
    PricingModel Model,
    decimal? Rate = null,
    decimal? Fee = null,
    decimal? IncludedQuantity = null,
    InvoiceSchedule? Schedule = null,
    string? Driver = null)
{
    /// <summary>The typed terms, or every field that is wrong for the chosen model.</summary>
    public Result<PricingTerms> ToTerms()
    {
        var errors = new List<DomainError>();
        Money? fee = null;
        if (Fee is { } f)
        {
            if (Money.IsWholePence(f))
            {
                fee = Money.FromPounds(f);
            }
            else
            {
                errors.Add(new DomainError("fee", $"£{f} is not a whole number of pence."));
            }
        }
        void Need(string field, object? value)
        {
            if (value is null)
            {
                errors.Add(new DomainError(field, $"is required for {Model.ToWords().ToLowerInvariant()} pricing."));
            }
        }
        switch (Model)
        {
            case PricingModel.PayAsYouGo:
                Need("rate", Rate);
                break;
            case PricingModel.Subscription:
                Need("fee", Fee);
                Need("schedule", Schedule);
                break;
            case PricingModel.FixedFeePlusDriver:
                Need("fee", Fee);
                Need("rate", Rate);
                Need("driver", Driver);
                break;
        }
        if (errors.Count > 0)
        {
            return Result<PricingTerms>.Failure(errors);
        }
        PricingTerms terms = Model switch
        {
            PricingModel.PayAsYouGo => new PayAsYouGo(Rate!.Value),
            PricingModel.Subscription => new Subscription(fee!.Value, IncludedQuantity ?? 0, Rate, Schedule!.Value),
            PricingModel.FixedFeePlusDriver => new FixedFeePlusDriver(fee!.Value, Rate!.Value, Driver!),
            _ => new Quoted(Rate),
        };
        return Result<PricingTerms>.Success(terms);
    }
}

/// <summary>
/// A provider manager prices one of their service's offerings for a financial year; an administrator may price
/// any. A year's price is never overwritten, so this only ever adds.
/// </summary>
public sealed class SetOfferingPrice(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    /// <returns>The price in words, or null when this authority has no such offering.</returns>
    public async Task<string?> HandleAsync(int offeringId, OfferingPriceInput input, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.Current;
        var offering = await db.Offerings.Include(o => o.Authority).Include(o => o.Prices).Include(o => o.ProviderCostCentre)
            .FirstOrDefaultAsync(o => o.Id == offeringId && o.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (offering is null)
        {
            return null;
        }
        tenants.Require(Permission.SetOfferingPrices, "set offering prices");
        if (!tenants.Actor.CanPriceOfferingOf(offering.ProviderCostCentreId))
        {
            throw new AccessDeniedException(
                $"{TenantContext.Describe(tenants.Actor)} cannot price {offering.Code}: it is provided by {offering.ProviderName}, not their service.");
        }
        var terms = input.ToTerms();
        if (!terms.IsSuccess)
        {
            throw new ValidationFailedException(terms.Errors);
        }
        var parsedYear = Inputs.Parse.FinancialYear(input.FinancialYear, tenant.YearStartMonth, "financialYear");
        if (!parsedYear.IsSuccess)
        {
            throw new ValidationFailedException(parsedYear.Errors);
        }
        var year = parsedYear.Value;
        var price = offering.AddPrice(year, terms.Value);
        if (!price.IsSuccess)
        {
            throw new ValidationFailedException(price.Errors);
        }
        var description = terms.Value.Describe(offering.Unit);
        audit.Record("offering.price.set", nameof(Offering), offering.Id, null,
            new { offering.Code, FinancialYear = year.Label, Price = description });
        await db.SaveChangesAsync(cancellationToken);
        return description;
    }
}
