using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Catalogue;

/// <summary>A new offering of a support service, optionally with a draft price for a year.</summary>
public sealed record AddOfferingRequest(OfferingInput Offering, OfferingPriceInput? Price = null);

/// <summary>
/// A provider manager adds an offering to their own service's shop (an administrator to any service's). New
/// offerings are tradeable; only the value-for-money panel sets another charging class. Every field is checked
/// before anything is written.
/// </summary>
public sealed class AddOffering(FairShareDbContext db, ProviderShop shop, AuditTrail audit)
{
    public async Task<Outcome<OfferingSaved>> HandleAsync(AddOfferingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Offering ?? new OfferingInput();
        if (!shop.Actor.Has(Permission.ManageOfferings))
        {
            return Outcome<OfferingSaved>.Forbidden($"{Tenancy.TenantContext.Describe(shop.Actor)} cannot add offerings.");
        }
        var authorityId = shop.Tenant.AuthorityId;
        var providerCode = (input.Provider ?? "").Trim();
        var provider = providerCode.Length == 0 ? null : await db.CostCentres.Include(c => c.Authority)
            .FirstOrDefaultAsync(c => c.AuthorityId == authorityId && c.Code == providerCode, cancellationToken);
        var errors = new List<DomainError>();
        if (providerCode.Length == 0)
        {
            errors.Add(new DomainError("provider", "is required: the code of the support cost centre that provides it."));
        }
        else if (provider is null)
        {
            errors.Add(new DomainError("provider", $"there is no cost centre '{Inputs.Parse.Shown(providerCode)}'."));
        }
        else if (!shop.CanManage(provider.Id))
        {
            return Outcome<OfferingSaved>.Forbidden(
                $"{Tenancy.TenantContext.Describe(shop.Actor)} cannot add offerings to {provider.Code} {provider.Name}: it is not their service.");
        }
        var code = (input.Code ?? "").Trim();
        if (code.Length > 0 && await db.Offerings.AnyAsync(o => o.AuthorityId == authorityId && o.Code == code, cancellationToken))
        {
            errors.Add(new DomainError("code", $"'{Inputs.Parse.Shown(code)}' is already the code of another offering; codes are unique."));
        }
        var created = Offering.Create(new OfferingDraft(code, input.Name ?? "", input.Description, input.Category ?? "", input.Unit ?? "",
            ChargingClass.Tradeable, provider, ServiceTerms: ProviderShop.Terms(input)));
        errors.AddRange(created.Errors.Where(e => e.Field != "provider" || provider is not null));
        Result<PricingTerms>? terms = null;
        Result<FinancialYear>? year = null;
        if (request.Price is { } price)
        {
            terms = price.ToTerms();
            year = Inputs.Parse.FinancialYear(price.FinancialYear, shop.Tenant.YearStartMonth, "financialYear");
            errors.AddRange(terms.Errors);
            errors.AddRange(year.Errors);
            errors.AddRange(terms.IsSuccess ? terms.Value.Validate() : []);
        }
        if (errors.Count == 0 && terms is not null && year is not null)
        {
            errors.AddRange(created.Value.DraftPrice(year.Value, 1, terms.Value, shop.Today).Errors);
        }
        if (errors.Count > 0)
        {
            return Outcome<OfferingSaved>.Invalid(errors);
        }
        var offering = created.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Offerings.Add(offering);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("offering.added", nameof(Offering), offering.Id, null, new
        {
            offering.Code,
            offering.Name,
            offering.Category,
            offering.Unit,
            Provider = provider!.Code,
            offering.NoticeMonths,
            offering.RespondWithinWorkingDays,
            offering.CompleteWithinWorkingDays,
            offering.HoursOfCover,
            DraftPrice = terms?.Value.Describe(offering.Unit),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var draft = terms is null ? "" : $" Its {year!.Value.Label} price is a draft until published.";
        return new OfferingSaved(offering.Id, offering.Code, $"{offering.Code} {offering.Name} added to the shop of {provider.Name}, tradeable.{draft}");
    }
}
