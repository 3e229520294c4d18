using FairShare.Features.Catalogue;

namespace FairShare.Web.Api;

/// <summary>The catalogue for machine clients: offerings, one offering, a category compared, and pricing.</summary>
public static class CatalogueEndpoints
{
    public sealed record PriceSet(string Price);

    public sealed record WithdrawInput(string? From = null);

    public sealed record ChargingClassInput(string? ChargingClass = null, string? FromPeriod = null);

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
            .WithSummary("Draft an offering's price for a financial year (provider manager of its service, or administrator); drafting again corrects the draft; a published year takes only a lower price, fromPeriod a later period");
        api.MapPost("/offerings/{id:int}/prices/{year:int}/publish", async (int id, int year, PublishOfferingPrice handler, CancellationToken ct, int? fromPeriod = null) =>
                (await handler.HandleAsync(new PublishOfferingPriceRequest(id, year, fromPeriod), ct)).ToHttp(price => TypedResults.Ok(new PriceSet(price))))
            .WithSummary("Publish a draft price: it then binds for its financial year");
        api.MapGet("/offerings/{id:int}/prices/{year:int}/calculator", async (int id, int year, CalculateOfferingPrice handler, CancellationToken ct, decimal? expectedVolume = null) =>
                (await handler.HandleAsync(new CalculateOfferingPriceRequest(id, year, expectedVolume), ct)).ToHttp())
            .WithSummary("The full-cost rate from the provider's cost base and last year's volume, and whether the year's price recovers cost");
        api.MapPost("/offerings", async (AddOfferingRequest input, AddOffering handler, CancellationToken ct) =>
                (await handler.HandleAsync(input, ct)).ToHttp())
            .WithSummary("Add an offering to a support service's shop (provider manager of that service, or administrator); new offerings are tradeable");
        api.MapPut("/offerings/{id:int}", async (int id, OfferingInput input, ChangeOffering handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ChangeOfferingRequest(id, input), ct)).ToHttp())
            .WithSummary("Change an offering's name, description, category, unit, notice and service levels");
        api.MapPost("/offerings/{id:int}/withdraw", async (int id, WithdrawInput input, WithdrawOffering handler, CancellationToken ct) =>
                (await handler.HandleAsync(new WithdrawOfferingRequest(id, input.From), ct)).ToHttp())
            .WithSummary("Withdraw an offering from a day (today when left out); it stays on record");
        api.MapPut("/offerings/{id:int}/charging-class", async (int id, ChargingClassInput input, SetChargingClass handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SetChargingClassRequest(id, input.ChargingClass, input.FromPeriod), ct)).ToHttp())
            .WithSummary("Set an offering's charging class from the start of a period (value-for-money panel)");
        return api;
    }
}
