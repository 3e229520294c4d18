using System.Security.Claims;
using System.Text.Encodings.Web;
using FairShare.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FairShare.Web.Identity;

/// <summary>Authenticates API calls that present <c>Authorization: Bearer fs_…</c>.</summary>
public sealed partial class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticateApiToken authenticate,
    ApiTokenFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string RefusalKey = "fairshare:token-refusal";
    private const string LimitedKey = "fairshare:token-limited";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.RetryAfter(address) is { } wait)
        {
            // Too many refused tokens from this address: this one is not even looked up.
            Context.Items[LimitedKey] = wait;
            TokensLimited(Logger);
            return AuthenticateResult.Fail("Too many refused API tokens from this address.");
        }
        var outcome = await authenticate.HandleAsync(new AuthenticateApiTokenRequest(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (!outcome.IsOk)
        {
            failures.Failed(address);
            TokenRefused(Logger, outcome.Message);
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
        if (Context.Items[LimitedKey] is TimeSpan wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem($"This address has sent too many API tokens that were refused. Wait {seconds} seconds, then try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many refused API tokens").ExecuteAsync(Context);
            return;
        }
        var detail = Context.Items[RefusalKey] as string ?? "Send an API token: Authorization: Bearer fs_… (an administrator issues them).";
        await Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem("This API token's role does not allow the request.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden")
            .ExecuteAsync(Context);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Security: API token refused: {Reason}")]
    private static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Security: API token not looked up, too many refused from this address")]
    private static partial void TokensLimited(ILogger logger);
}
