using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Inputs;

namespace FairShare.Web.Api;

/// <summary>People: accounts, their roles and scope, disabling, reset links and CSV import (administrators).</summary>
public static class PeopleEndpoints
{
    /// <summary>What to change of an account; fields left out stay as they are. Roles, when given, replace the account's roles.</summary>
    public sealed record ChangeUserBody(string? Name = null, string? Email = null, IReadOnlyList<RoleGrant>? Roles = null, bool UnlinkIdentityProvider = false);

    /// <summary>A reset link, in this response only.</summary>
    public sealed record ResetLink(int UserId, string Email, string Link, DateTimeOffset ExpiresAt, string Note);

    public const string NoEmailNote = "No email is sent: give this link to the person yourself.";

    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/users", async (ListUsers handler, CancellationToken ct) => (await handler.HandleAsync(new ListUsersRequest(), ct)).ToHttp())
            .WithSummary("The authority's people with their roles and scope, state and last sign-in (administrator)");
        api.MapGet("/users/{id:int}", async (int id, GetUser handler, CancellationToken ct) => (await handler.HandleAsync(new GetUserRequest(id), ct)).ToHttp())
            .WithSummary("One account (administrator)");
        api.MapPost("/users", async (AddUserRequest request, AddUser handler, CancellationToken ct) => (await handler.HandleAsync(request, ct)).ToHttp())
            .WithSummary("Add an account: { email, name, role, costCentreId, supplierId, password?, moreRoles: [{ role, costCentreId, supplierId }] } (administrator)");
        api.MapPut("/users/{id:int}", async (int id, ChangeUserBody body, ChangeUser handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ChangeUserRequest(id, body.Name, body.Email, body.Roles, body.UnlinkIdentityProvider), ct)).ToHttp())
            .WithSummary("Change an account's name, email or roles (the whole set), or unlink it from the identity provider (administrator)");
        api.MapPost("/users/{id:int}/disable", async (int id, DisableUser handler, CancellationToken ct) =>
                (await handler.HandleAsync(new DisableUserRequest(id), ct)).ToHttp())
            .WithSummary("Disable an account: its sessions end at once and it cannot sign in (administrator; not yourself, not the last administrator)");
        api.MapPost("/users/{id:int}/enable", async (int id, EnableUser handler, CancellationToken ct) =>
                (await handler.HandleAsync(new EnableUserRequest(id), ct)).ToHttp())
            .WithSummary("Enable a disabled account (administrator)");
        api.MapPost("/users/{id:int}/reset-link", async (int id, HttpRequest request, IssuePasswordResetLink handler, CancellationToken ct) =>
                (await handler.HandleAsync(new IssuePasswordResetLinkRequest(id), ct))
                .ToHttp(issued => TypedResults.Ok(new ResetLink(issued.UserId, issued.Email, LinkFor(request, issued.Secret), issued.ExpiresAt, NoEmailNote))))
            .WithSummary($"A one-time link to set a local password, valid {PasswordResetLink.ValidHours} hours, in this response only. {NoEmailNote}");
        api.MapPost("/users/import", ImportAsync)
            .WithSummary("Import accounts from CSV (email,name,role,scope_code), all or nothing: the body is the file (text/csv); "
                + "?preview=true (the default) checks it and changes nothing, ?preview=false adds the accounts; &encoding=utf-8|windows-1252 (administrator)");
        return api;
    }

    /// <summary>The reset page's address on this site, with the link's secret.</summary>
    public static string LinkFor(HttpRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/reset-password?token={Uri.EscapeDataString(secret)}";
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ImportUsers handler, CancellationToken ct, string? preview = null, string? encoding = null, string? fileName = null)
    {
        var textEncoding = Parse.Encoding(encoding);
        var errors = new List<DomainError>(textEncoding.Errors);
        var previewOnly = (preview ?? "true").Trim().ToLowerInvariant() switch
        {
            "" or "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => (bool?)null,
        };
        if (previewOnly is null)
        {
            errors.Add(new DomainError("preview", $"'{Parse.Shown(preview)}' is not true or false."));
        }
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var name = string.IsNullOrWhiteSpace(fileName) ? "users.csv" : fileName;
        return (await handler.HandleAsync(new ImportUsersRequest(name, body.ToArray(), previewOnly!.Value, textEncoding.Value), ct)).ToHttp();
    }
}
