using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;

namespace FairShare.Features.Catalogue;

/// <summary>Withdraw an offering from a day (ISO date; today when left out).</summary>
public sealed record WithdrawOfferingRequest(int Id, string? From = null);

/// <summary>
/// An offering leaves the catalogue from a day. It is never deleted: its prices, usage and charges stay on
/// record, and buyers see it in their history.
/// </summary>
public sealed class WithdrawOffering(FairShareDbContext db, ProviderShop shop, AuditTrail audit)
{
    public async Task<Outcome<OfferingSaved>> HandleAsync(WithdrawOfferingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await shop.LoadAsync(request.Id, Permission.ManageOfferings, "withdraw offerings", "withdraw", cancellationToken);
        if (!loaded.IsOk)
        {
            return Outcome<OfferingSaved>.From(loaded);
        }
        var offering = loaded.Value;
        var from = string.IsNullOrWhiteSpace(request.From) ? Result<DateOnly>.Success(shop.Today) : Inputs.Parse.Date(request.From, "withdrawFrom");
        if (!from.IsSuccess)
        {
            return Outcome<OfferingSaved>.Invalid(from.Errors);
        }
        var withdrawn = offering.Withdraw(from.Value, shop.Today);
        if (!withdrawn.IsSuccess)
        {
            return Outcome.Refused<OfferingSaved>(withdrawn.Errors);
        }
        var day = withdrawn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        audit.Record("offering.withdrawn", nameof(Offering), offering.Id, null, new { offering.Code, WithdrawnFrom = day });
        await db.SaveChangesAsync(cancellationToken);
        return new OfferingSaved(offering.Id, offering.Code, $"{offering.Code} {offering.Name} leaves the catalogue from {day}; it stays on record.");
    }
}
