using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;

namespace FairShare.Web.Api;

/// <summary>Who is calling, the audit log, and API tokens (administrators).</summary>
public static class AccessEndpoints
{
    public sealed record Me(string Name, string Authority, IReadOnlyList<RoleGrant> Roles, string Via);

    public static RouteGroupBuilder MapAccess(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", (TenantContext tenants) => new Me(tenants.Actor.Name, tenants.Current.Code, tenants.Actor.Grants, tenants.Actor.Via))
            .WithSummary("Who the token acts as");
        api.MapGet("/audit", async (SearchAuditLog handler, CancellationToken ct, string? text = null, string? from = null, string? to = null) =>
                (await handler.HandleAsync(new SearchAuditLogRequest(text, from, to), ct)).ToHttp())
            .WithSummary("Search the audit log (auditor or administrator), newest first");
        api.MapGet("/tokens", async (ListApiTokens handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ListApiTokensRequest(), ct)).ToHttp())
            .WithSummary("The authority's API tokens (administrator)");
        api.MapPost("/tokens", async (IssueApiTokenRequest request, IssueApiToken handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp())
            .WithSummary("Issue an API token (administrator); the secret is in this response only");
        api.MapDelete("/tokens/{id:int}", async (int id, RevokeApiToken handler, CancellationToken ct) =>
                (await handler.HandleAsync(new RevokeApiTokenRequest(id), ct)).ToHttp())
            .WithSummary("Revoke an API token (administrator)");
        return api;
    }
}
