using FairShare.Features.Catalogue;

namespace FairShare.Web.Api;

/// <summary>The catalogue for machine clients: offerings, one offering, a category compared, and pricing.</summary>
public static class CatalogueEndpoints
{
    public sealed record PriceSet(string Price);

    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/offerings", async (ListOfferings handler, CancellationToken ct,
                    string? category = null, string? provider = null, string? providerType = null, string? chargingClass = null,
                    string? pricingModel = null, string? search = null, string? year = null) =>
                (await handler.HandleAsync(new ListOfferingsRequest(category, provider, providerType, chargingClass, pricingModel, search, year), ct)).ToHttp())
            .WithSummary("The catalogue, filtered")
            .WithDescription("Filters: category, provider (name), providerType (internal, neighbouring-authority, external-supplier), " +
                "chargingClass (tradeable, mandatory, corporate-core, pooled), pricingModel (pay-as-you-go, subscription, " +
                "fixed-fee-plus-driver, quoted), search (words), year (first calendar year of the financial year, e.g. 2026).");
        api.MapGet("/offerings/{id:int}", async (int id, GetOffering handler, CancellationToken ct) =>
                (await handler.HandleAsync(new GetOfferingRequest(id), ct)).ToHttp())
            .WithSummary("One offering with its price history and service levels");
        api.MapGet("/comparisons/{category}", async (string category, CompareCategory handler, CancellationToken ct, string? year = null) =>
                (await handler.HandleAsync(new CompareCategoryRequest(category, year), ct)).ToHttp())
            .WithSummary("Every offering in a category, side by side");
        api.MapPost("/offerings/{id:int}/prices", async (int id, OfferingPriceInput input, SetOfferingPrice handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SetOfferingPriceRequest(id, input), ct)).ToHttp(price => TypedResults.Ok(new PriceSet(price))))
            .WithSummary("Price an offering for a financial year (provider manager of its service, or administrator); prices are never overwritten");
        return api;
    }
}
