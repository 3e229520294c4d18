using FairShare.Features.Organisation;

namespace FairShare.Web.Api;

/// <summary>The authority's organisation for machine clients: cost centres, their budgets, and the authorities trading here.</summary>
public static class OrganisationEndpoints
{
    public sealed record BudgetInput(decimal? Amount);

    public sealed record TwoPeopleInput(bool? Required);

    public static RouteGroupBuilder MapOrganisation(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/cost-centres", async (ListCostCentres handler, CancellationToken ct, string? kind = null) =>
                (await handler.HandleAsync(new ListCostCentresRequest(kind), ct)).ToHttp())
            .WithSummary("The authority's cost centres with this year's budget");
        api.MapGet("/cost-centres/{id:int}", async (int id, GetCostCentre handler, CancellationToken ct) =>
                (await handler.HandleAsync(new GetCostCentreRequest(id), ct)).ToHttp())
            .WithSummary("One cost centre with its budgets and the offerings it provides");
        api.MapPut("/cost-centres/{id:int}/budgets/{year:int}", async (int id, int year, BudgetInput input, SetBudget handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SetBudgetRequest(id, year, input.Amount), ct)).ToHttp())
            .WithSummary("Set a cost centre's budget for a financial year (finance officer or administrator)");
        api.MapGet("/authorities", async (ListAuthorities handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ListAuthoritiesRequest(), ct)).ToHttp())
            .WithSummary("The authorities trading on this FairShare");
        api.MapGet("/authority/two-people", async (GetTwoPersonRule handler, CancellationToken ct) =>
                (await handler.HandleAsync(new GetTwoPersonRuleRequest(), ct)).ToHttp())
            .WithSummary("Whether the authority requires two people: whoever prepared a run's dry run cannot post, reverse or close it (administrator)");
        api.MapPut("/authority/two-people", async (TwoPeopleInput input, SetTwoPersonRule handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SetTwoPersonRuleRequest(input.Required), ct)).ToHttp())
            .WithSummary("Turn the two-person rule on or off: { required: true|false }; audited (administrator)");
        return api;
    }
}
