using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;

namespace FairShare.Features.Catalogue;

/// <summary>Publish an offering's draft price for a year (from a period when it supersedes a published one).</summary>
public sealed record PublishOfferingPriceRequest(int OfferingId, int FinancialYear, int? FromPeriod = null);

/// <summary>
/// Publishes a draft price: from then on it binds for its financial year, and only a lower price may supersede
/// it, from the first day of a later period. The recharge charges published prices only.
/// </summary>
public sealed class PublishOfferingPrice(FairShareDbContext db, ProviderShop shop, AuditTrail audit)
{
    public async Task<Outcome<string>> HandleAsync(PublishOfferingPriceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await shop.LoadAsync(request.OfferingId, Permission.SetOfferingPrices, "publish offering prices", "publish prices of", cancellationToken);
        if (!loaded.IsOk)
        {
            return Outcome<string>.From(loaded);
        }
        var offering = loaded.Value;
        var year = Inputs.Parse.FinancialYear(request.FinancialYear, shop.Tenant.YearStartMonth, "financialYear");
        if (!year.IsSuccess)
        {
            return Outcome<string>.Invalid(year.Errors);
        }
        var fromPeriod = request.FromPeriod ?? 1;
        var published = offering.PublishPrice(year.Value, fromPeriod, shop.Today);
        if (!published.IsSuccess)
        {
            return Outcome.Refused<string>(published.Errors);
        }
        var label = ProviderShop.Label(year.Value, fromPeriod);
        var description = published.Value.Terms.Describe(offering.Unit);
        audit.Record("offering.price.published", nameof(Offering), offering.Id, null,
            new { offering.Code, FinancialYear = label, Price = description });
        await db.SaveChangesAsync(cancellationToken);
        return $"{offering.Code} {label} price published: {description} It binds for the year.";
    }
}
