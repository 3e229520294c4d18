using FairShare.Web.Hosting;

namespace FairShare.Web.Api;

/// <summary>The JSON API: the same use cases as the pages, under /api/, one endpoint group per capability.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapFairShareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("FairShare").DisableAntiforgery()
            .RequireAuthorization(FairShareWebApp.ApiPolicy).RequireRateLimiting(FairShareWebApp.ApiRateLimit);

        api.MapCatalogue();
        api.MapOrganisation();
        api.MapOrganisationImport();
        api.MapAccess();
        api.MapPeople();
        api.MapMonthEnd();
        api.MapSuppliers();

        // An unknown path under /api/ is a 404 ProblemDetails for anyone, never the sign-in page.
        app.MapFallback("/api/{**path}", (string? path) =>
                TypedResults.Problem($"There is no API endpoint /api/{path}; see /openapi/v1.json.", statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
