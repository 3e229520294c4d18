using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;

namespace FairShare.Features.Catalogue;

/// <summary>What a provider manager sends to price an offering for a financial year.</summary>
public sealed record OfferingPriceInput(
    int FinancialYear,
    PricingModel Model,
    decimal? Rate = null,
    decimal? Fee = null,
    decimal? IncludedQuantity = null,
    InvoiceSchedule? Schedule = null,
    string? Driver = null,
    int? FromPeriod = null)
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

/// <summary>A draft price for one of this authority's offerings.</summary>
public sealed record SetOfferingPriceRequest(int OfferingId, OfferingPriceInput Price);

/// <summary>
/// A provider manager drafts a price for one of their service's offerings for a financial year (an administrator
/// for any); a draft is corrected by drafting again, and binds only once published. A year with a published price
/// takes only a lower one, from a later period (<see cref="OfferingPriceInput.FromPeriod"/>). Answers the price in words.
/// </summary>
public sealed class SetOfferingPrice(FairShareDbContext db, ProviderShop shop, AuditTrail audit)
{
    public async Task<Outcome<string>> HandleAsync(SetOfferingPriceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await shop.LoadAsync(request.OfferingId, Permission.SetOfferingPrices, "set offering prices", "price", cancellationToken);
        if (!loaded.IsOk)
        {
            return Outcome<string>.From(loaded);
        }
        var offering = loaded.Value;
        var input = request.Price ?? throw new ArgumentException("A price is needed.", nameof(request));
        var terms = input.ToTerms();
        var year = Inputs.Parse.FinancialYear(input.FinancialYear, shop.Tenant.YearStartMonth, "financialYear");
        List<DomainError> errors = [.. terms.Errors, .. year.Errors];
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        var fromPeriod = input.FromPeriod ?? 1;
        var corrected = offering.DraftFor(year.Value, fromPeriod) is not null;
        var price = offering.DraftPrice(year.Value, fromPeriod, terms.Value, shop.Today);
        if (!price.IsSuccess)
        {
            return Outcome<string>.Invalid(price.Errors);
        }
        var description = terms.Value.Describe(offering.Unit);
        audit.Record(corrected ? "offering.price.corrected" : "offering.price.drafted", nameof(Offering), offering.Id, null,
            new { offering.Code, FinancialYear = ProviderShop.Label(year.Value, fromPeriod), Price = description });
        await db.SaveChangesAsync(cancellationToken);
        return description;
    }
}
