using FairShare.Features.Suppliers;

namespace FairShare.Web.Api;

/// <summary>The supplier register for machine clients: approved suppliers, their contracts and contract rates (finance officers act as procurement).</summary>
public static class SupplierEndpoints
{
    public sealed record SupplierRateInput(string? OfferingCode, int? FinancialYear, decimal? Rate, string? Name = null, string? Category = null, string? Unit = null);

    public sealed record SelfServiceInput(bool? Allowed);

    public static RouteGroupBuilder MapSuppliers(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/suppliers", async (ListSuppliers handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ListSuppliersRequest(), ct)).ToHttp())
            .WithSummary("The approved suppliers with their contracts, and whether supplier accounts may sign in");
        api.MapGet("/suppliers/{code}", async (string code, GetSupplier handler, CancellationToken ct) =>
                (await handler.HandleAsync(new GetSupplierRequest(code), ct)).ToHttp())
            .WithSummary("One supplier with its contract and contract rates");
        api.MapPost("/suppliers", async (SupplierInput input, AddSupplier handler, CancellationToken ct) =>
                (await handler.HandleAsync(new AddSupplierRequest(input), ct)).ToHttp())
            .WithSummary("Register an approved supplier: code, name, description, contractReference, contractStart and contractEnd (YYYY-MM-DD); audited (finance officer or administrator)");
        api.MapPut("/suppliers/{code}", async (string code, SupplierInput input, ChangeSupplier handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ChangeSupplierRequest(code, input), ct)).ToHttp())
            .WithSummary("Change a supplier's details or contract (its code stays); audited (finance officer or administrator)");
        api.MapPost("/suppliers/{code}/rates", async (string code, SupplierRateInput input, SetSupplierRate handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SetSupplierRateRequest(code, input.OfferingCode, input.FinancialYear, input.Rate, input.Name, input.Category, input.Unit), ct)).ToHttp())
            .WithSummary("Enter a contract rate per unit for a financial year (a new offering code needs name, category and unit); never overwrites; audited");
        api.MapPut("/suppliers/self-service", async (SelfServiceInput input, SetSupplierSelfService handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SetSupplierSelfServiceRequest(input.Allowed), ct)).ToHttp())
            .WithSummary("Let supplier accounts sign in, or not (the default): { allowed: true|false }; audited (administrator)");
        return api;
    }
}
