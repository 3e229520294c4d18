using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Catalogue;

/// <summary>
/// What an offering's shop use cases share: this authority's offering, loaded for changing, and whether the actor
/// may change it (a provider manager for their own service's offerings; an administrator for any).
/// </summary>
public sealed class ProviderShop(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public Tenant Tenant => tenants.Current;

    public Actor Actor => tenants.Actor;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// Loads the offering (not found when this authority has no such offering), then checks the permission (refused as
    /// "cannot <paramref name="what"/>") and the scope (refused as "cannot <paramref name="verb"/> CODE").
    /// </summary>
    public async Task<Outcome<Offering>> LoadAsync(int id, Permission permission, string what, string verb, CancellationToken cancellationToken)
    {
        var authorityId = tenants.Current.AuthorityId;
        var offering = await db.Offerings.Include(o => o.Authority).Include(o => o.Prices).Include(o => o.ProviderCostCentre)
            .Include(o => o.Supplier).Include(o => o.ChargingClassChanges).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id && o.AuthorityId == authorityId, cancellationToken);
        if (offering is null)
        {
            return Outcome<Offering>.NotFound($"There is no offering {id}.");
        }
        if (tenants.Refusal(permission, what) is { } forbidden)
        {
            return Outcome<Offering>.Forbidden(forbidden);
        }
        if (permission != Permission.SetChargingClass && !tenants.Actor.CanPriceOfferingOf(offering.ProviderCostCentreId))
        {
            return Outcome<Offering>.Forbidden(
                $"{TenantContext.Describe(tenants.Actor)} cannot {verb} {offering.Code}: it is provided by {offering.ProviderName}, not their service.");
        }
        return offering;
    }

    /// <summary>Whether the actor may run this support service's shop (add offerings to it).</summary>
    public bool CanManage(int? providerCostCentreId) =>
        tenants.Actor.Has(Permission.ManageOfferings) && tenants.Actor.CanPriceOfferingOf(providerCostCentreId);

    /// <summary>The service terms as the doors send them, checked for whole numbers in range by the domain.</summary>
    public static OfferingTerms Terms(OfferingInput input) =>
        new(input.NoticeMonths ?? 0, input.RespondWithinWorkingDays, input.CompleteWithinWorkingDays, input.HoursOfCover);

    public static string Label(FinancialYear year, int fromPeriod) => fromPeriod > 1 ? $"{year.Label} from period {fromPeriod}" : year.Label;
}

/// <summary>An offering as a provider manager fills it in. Code and provider are set when it is added and never change.</summary>
public sealed record OfferingInput(
    string? Code = null,
    string? Name = null,
    string? Description = null,
    string? Category = null,
    string? Unit = null,
    string? Provider = null,
    int? NoticeMonths = null,
    int? RespondWithinWorkingDays = null,
    int? CompleteWithinWorkingDays = null,
    string? HoursOfCover = null);

/// <summary>What a shop change answers: the offering and a sentence saying what was done.</summary>
public sealed record OfferingSaved(int Id, string Code, string Message);
