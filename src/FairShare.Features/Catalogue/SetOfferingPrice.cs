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
                errors.Add(new DomainError(field, $"Enter the {Words(field)}: {Model.ToWords().ToLowerInvariant()} pricing needs one."));
            }
        }
        static string Words(string field) => field switch { "schedule" => "invoice schedule", "driver" => "driver", "fee" => "fee", _ => "rate" };
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

/// <summary>A price for one of this authority's offerings.</summary>
public sealed record SetOfferingPriceRequest(int OfferingId, OfferingPriceInput Price);

/// <summary>
/// A provider manager prices one of their service's offerings for a financial year; an administrator may price
/// any. A year's price is never overwritten, so this only ever adds. Answers the price in words.
/// </summary>
public sealed class SetOfferingPrice(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<string>> HandleAsync(SetOfferingPriceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = tenants.Current;
        var offering = await db.Offerings.Include(o => o.Authority).Include(o => o.Prices).Include(o => o.ProviderCostCentre)
            .FirstOrDefaultAsync(o => o.Id == request.OfferingId && o.AuthorityId == tenant.AuthorityId, cancellationToken);
        if (offering is null)
        {
            return Outcome<string>.NotFound($"There is no offering {request.OfferingId}.");
        }
        if (tenants.Refusal(Permission.SetOfferingPrices, "set offering prices") is { } forbidden)
        {
            return Outcome<string>.Forbidden(forbidden);
        }
        if (!tenants.Actor.CanPriceOfferingOf(offering.ProviderCostCentreId))
        {
            return Outcome<string>.Forbidden(
                $"{TenantContext.Describe(tenants.Actor)} cannot price {offering.Code}: it is provided by {offering.ProviderName}, not their service.");
        }
        var input = request.Price ?? throw new ArgumentException("A price is needed.", nameof(request));
        var terms = input.ToTerms();
        var year = Inputs.Parse.FinancialYear(input.FinancialYear, tenant.YearStartMonth, "financialYear");
        List<DomainError> errors = [.. terms.Errors, .. year.Errors];
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        var price = offering.AddPrice(year.Value, terms.Value);
        if (!price.IsSuccess)
        {
            return Outcome<string>.Invalid(price.Errors);
        }
        var description = terms.Value.Describe(offering.Unit);
        audit.Record("offering.price.set", nameof(Offering), offering.Id, null,
            new { offering.Code, FinancialYear = year.Value.Label, Price = description });
        await db.SaveChangesAsync(cancellationToken);
        return description;
    }
}
