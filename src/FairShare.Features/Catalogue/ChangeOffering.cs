using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;

namespace FairShare.Features.Catalogue;

/// <summary>New name, description, category, unit, notice and service levels for an offering; its code and provider stay.</summary>
public sealed record ChangeOfferingRequest(int Id, OfferingInput Offering);

/// <summary>A provider manager edits one of their service's offerings (an administrator any); audited before and after.</summary>
public sealed class ChangeOffering(FairShareDbContext db, ProviderShop shop, AuditTrail audit)
{
    public async Task<Outcome<OfferingSaved>> HandleAsync(ChangeOfferingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await shop.LoadAsync(request.Id, Permission.ManageOfferings, "change offerings", "change", cancellationToken);
        if (!loaded.IsOk)
        {
            return Outcome<OfferingSaved>.From(loaded);
        }
        var offering = loaded.Value;
        var input = request.Offering ?? new OfferingInput();
        var errors = new List<DomainError>();
        if (input.Code is { Length: > 0 } code && !string.Equals(code.Trim(), offering.Code, StringComparison.Ordinal))
        {
            errors.Add(new DomainError("code", $"an offering's code never changes ({offering.Code}); add a new offering for a new code."));
        }
        if (input.Provider is { Length: > 0 } provider && !string.Equals(provider.Trim(), offering.ProviderCostCentre?.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new DomainError("provider", $"an offering's provider never changes ({offering.ProviderName})."));
        }
        var before = Snapshot(offering);
        if (errors.Count > 0)
        {
            return Outcome<OfferingSaved>.Invalid(errors);
        }
        var changed = offering.Change(new OfferingChanges(input.Name ?? "", input.Description, input.Category ?? "", input.Unit ?? "", ProviderShop.Terms(input)));
        if (!changed.IsSuccess)
        {
            return Outcome<OfferingSaved>.Invalid(changed.Errors);
        }
        audit.Record("offering.changed", nameof(Offering), offering.Id, before, Snapshot(offering));
        await db.SaveChangesAsync(cancellationToken);
        return new OfferingSaved(offering.Id, offering.Code, $"{offering.Code} {offering.Name} saved.");
    }

    private static object Snapshot(Offering o) => new
    {
        o.Code,
        o.Name,
        o.Description,
        o.Category,
        o.Unit,
        o.NoticeMonths,
        o.RespondWithinWorkingDays,
        o.CompleteWithinWorkingDays,
        o.HoursOfCover,
    };
}
