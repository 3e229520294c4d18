using System.Security.Claims;
using System.Text.Encodings.Web;
using FairShare.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FairShare.Web.Identity;

/// <summary>Authenticates API calls that present <c>Authorization: Bearer fs_…</c>.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticateApiToken authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string RefusalKey = "fairshare:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var outcome = await authenticate.HandleAsync(new AuthenticateApiTokenRequest(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (!outcome.IsOk)
        {
            Context.Items[RefusalKey] = outcome.Message;
            return AuthenticateResult.Fail(outcome.Message);
        }
        var actor = outcome.Value.Actor;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.Id),
            new(ClaimTypes.Name, actor.Name),
            new(ActorFactory.AuthorityClaim, actor.AuthorityId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(actor.Grants.Select(g => new Claim(ActorFactory.GrantClaim, $"{g.Role}|{g.CostCentreId}|{g.SupplierId}")));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[RefusalKey] as string ?? "Send an API token: Authorization: Bearer fs_… (an administrator issues them).";
        await Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem("This API token's role does not allow the request.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden")
            .ExecuteAsync(Context);
}
