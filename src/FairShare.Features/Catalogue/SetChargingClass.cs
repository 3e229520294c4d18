using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;

namespace FairShare.Features.Catalogue;

/// <summary>A charging class (tradeable, mandatory, corporate-core, pooled) from a period (2027-04, or 2027/28-P01).</summary>
public sealed record SetChargingClassRequest(int OfferingId, string? ChargingClass, string? FromPeriod);

/// <summary>
/// The value-for-money panel decides how an offering is charged, from the first day of a period: the recharge
/// charges tradeable and mandatory offerings, and leaves corporate-core and pooled ones uncharged.
/// </summary>
public sealed class SetChargingClass(FairShareDbContext db, ProviderShop shop, AuditTrail audit)
{
    public async Task<Outcome<OfferingSaved>> HandleAsync(SetChargingClassRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await shop.LoadAsync(request.OfferingId, Permission.SetChargingClass, "set charging classes", "set the charging class of", cancellationToken);
        if (!loaded.IsOk)
        {
            return Outcome<OfferingSaved>.From(loaded);
        }
        var offering = loaded.Value;
        var chargingClass = Inputs.Parse.Word<ChargingClass>(request.ChargingClass, "chargingClass");
        var period = Inputs.Parse.Period(request.FromPeriod, shop.Tenant.YearStartMonth, "fromPeriod");
        List<DomainError> errors = [.. chargingClass.Errors, .. period.Errors];
        if (errors.Count > 0)
        {
            return Outcome<OfferingSaved>.Invalid(errors);
        }
        var before = offering.ChargingClassOn(period.Value.FirstDay);
        var set = offering.SetChargingClass(chargingClass.Value, period.Value, shop.Today);
        if (!set.IsSuccess)
        {
            return Outcome.Refused<OfferingSaved>(set.Errors);
        }
        var from = period.Value.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        audit.Record("offering.charging-class.set", nameof(Offering), offering.Id,
            new { offering.Code, ChargingClass = before.ToSlug() }, new { offering.Code, ChargingClass = chargingClass.Value.ToSlug(), From = from });
        await db.SaveChangesAsync(cancellationToken);
        return new OfferingSaved(offering.Id, offering.Code, $"{offering.Code} is {chargingClass.Value.ToWords().ToLowerInvariant()} from {from}.");
    }
}
