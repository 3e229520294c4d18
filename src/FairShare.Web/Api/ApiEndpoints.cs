using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Organisation;
using FairShare.Features.Tenancy;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FairShare.Web.Api;

/// <summary>The JSON API: the same use cases as the pages, under /api/.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapFairShareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("FairShare").DisableAntiforgery()
            .RequireAuthorization(FairShareWebApp.ApiPolicy).RequireRateLimiting(FairShareWebApp.ApiRateLimit);

        api.MapGet("/offerings", ListOfferingsAsync)
            .WithSummary("The catalogue, filtered")
            .WithDescription("Filters: category, provider (name), providerType (internal, neighbouring-authority, external-supplier), " +
                "chargingClass (tradeable, mandatory, corporate-core, pooled), pricingModel (pay-as-you-go, subscription, " +
                "fixed-fee-plus-driver, quoted), search (words), year (first calendar year of the financial year, e.g. 2026).");
        api.MapGet("/offerings/{id:int}", GetOfferingAsync).WithSummary("One offering with its price history and service levels");
        api.MapGet("/comparisons/{category}", CompareAsync).WithSummary("Every offering in a category, side by side");
        api.MapGet("/cost-centres", ListCostCentresAsync).WithSummary("The authority's cost centres with this year's budget");
        api.MapGet("/cost-centres/{id:int}", GetCostCentreAsync).WithSummary("One cost centre with its budgets and the offerings it provides");
        api.MapGet("/authorities", (ListAuthorities handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithSummary("The authorities trading on this FairShare");
        api.MapGet("/me", (TenantContext tenants) => new Me(tenants.Actor.Name, tenants.Current.Code, tenants.Actor.Grants, tenants.Actor.Via))
            .WithSummary("Who the token acts as");

        api.MapPost("/offerings/{id:int}/prices", SetPriceAsync)
            .WithSummary("Price an offering for a financial year (provider manager of its service, or administrator); prices are never overwritten");
        api.MapPut("/cost-centres/{id:int}/budgets/{year:int}", SetBudgetAsync)
            .WithSummary("Set a cost centre's budget for a financial year (finance officer or administrator)");
        api.MapGet("/audit", SearchAuditAsync).WithSummary("Search the audit log (auditor or administrator), newest first");
        api.MapGet("/tokens", (ApiTokens tokens, CancellationToken ct) => tokens.ListAsync(ct)).WithSummary("The authority's API tokens (administrator)");
        api.MapPost("/tokens", (ApiTokenInput input, ApiTokens tokens, CancellationToken ct) => tokens.IssueAsync(input, ct))
            .WithSummary("Issue an API token (administrator); the secret is in this response only");
        api.MapDelete("/tokens/{id:int}", RevokeTokenAsync).WithSummary("Revoke an API token (administrator)");
        api.MapMonthEnd();

        // An unknown path under /api/ is a 404 ProblemDetails for anyone, never the sign-in page.
        app.MapFallback("/api/{**path}", (string? path) =>
                TypedResults.Problem($"There is no API endpoint /api/{path}; see /openapi/v1.json.", statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<CatalogueListing>, ValidationProblem>> ListOfferingsAsync(
        ListOfferings handler, CancellationToken ct,
        string? category = null, string? provider = null, string? providerType = null, string? chargingClass = null,
        string? pricingModel = null, string? search = null, string? year = null)
    {
        var filter = CatalogueFilter.Parse(new CatalogueFilterInput(category, provider, providerType, chargingClass, pricingModel, search, year));
        if (!filter.IsSuccess)
        {
            return BadRequest(filter.Errors);
        }
        return TypedResults.Ok(await handler.HandleAsync(filter.Value, ct));
    }

    private static async Task<Results<Ok<OfferingDetail>, ProblemHttpResult>> GetOfferingAsync(int id, GetOffering handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } offering ? TypedResults.Ok(offering) : NotFound($"There is no offering {id}.");

    private static async Task<Results<Ok<CategoryComparison>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        string category, CompareCategory handler, CancellationToken ct, string? year = null)
    {
        var filter = CatalogueFilter.Parse(new CatalogueFilterInput(Year: year));
        if (!filter.IsSuccess)
        {
            return BadRequest(filter.Errors);
        }
        return await handler.HandleAsync(category, filter.Value.Year, ct) is { } comparison
            ? TypedResults.Ok(comparison)
            : NotFound($"There is no category '{category}' in the catalogue.");
    }

    private static async Task<Results<Ok<IReadOnlyList<CostCentreSummary>>, ValidationProblem>> ListCostCentresAsync(
        ListCostCentres handler, CancellationToken ct, string? kind = null)
    {
        CostCentreKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Slugs.TryParse<CostCentreKind>(kind, out var k))
            {
                return BadRequest([new DomainError("kind", $"'{kind}' is not one of {string.Join(", ", Slugs.All<CostCentreKind>())}.")]);
            }
            parsed = k;
        }
        return TypedResults.Ok(await handler.HandleAsync(parsed, ct));
    }

    private static async Task<Results<Ok<CostCentreDetail>, ProblemHttpResult>> GetCostCentreAsync(int id, GetCostCentre handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } centre ? TypedResults.Ok(centre) : NotFound($"There is no cost centre {id}.");

    private static async Task<Results<Ok<PriceSet>, ProblemHttpResult>> SetPriceAsync(
        int id, OfferingPriceInput input, SetOfferingPrice handler, CancellationToken ct) =>
        await handler.HandleAsync(id, input, ct) is { } price ? TypedResults.Ok(new PriceSet(price)) : NotFound($"There is no offering {id}.");

    private static async Task<Results<Ok<BudgetLine>, ProblemHttpResult>> SetBudgetAsync(
        int id, int year, BudgetInput input, SetBudget handler, CancellationToken ct) =>
        await handler.HandleAsync(id, year, input.Amount, ct) is { } line ? TypedResults.Ok(line) : NotFound($"There is no cost centre {id}.");

    private static async Task<Results<Ok<IReadOnlyList<AuditLine>>, ValidationProblem>> SearchAuditAsync(
        SearchAuditLog handler, CancellationToken ct, string? text = null, string? from = null, string? to = null)
    {
        var errors = new List<DomainError>();
        var fromDate = ParseDate("from", from, errors);
        var toDate = ParseDate("to", to, errors);
        if (errors.Count > 0)
        {
            return BadRequest(errors);
        }
        return TypedResults.Ok(await handler.HandleAsync(new AuditSearch(text, fromDate, toDate), ct));
    }

    private static async Task<Results<Ok<ApiTokenSummary>, ProblemHttpResult>> RevokeTokenAsync(int id, ApiTokens tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(id, ct) is { } token ? TypedResults.Ok(token) : NotFound($"There is no API token {id}.");

    public static DateOnly? ParseDate(string parameter, string? value, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(new DomainError(parameter, $"'{value}' is not a date; write it as YYYY-MM-DD."));
        return null;
    }

    private static ValidationProblem BadRequest(IReadOnlyList<DomainError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            title: "The request has a bad parameter.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

public sealed record Me(string Name, string Authority, IReadOnlyList<RoleGrant> Roles, string Via);

public sealed record PriceSet(string Price);

public sealed record BudgetInput(decimal Amount);
