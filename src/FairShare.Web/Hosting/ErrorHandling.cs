using FairShare.Features.Access;
using Microsoft.AspNetCore.Diagnostics;

namespace FairShare.Web.Hosting;

/// <summary>
/// Turns refusals into responses in one place: a 403 or 400 ProblemDetails for the API, the refusal page with
/// its message for pages. The use case threw before changing anything.
/// </summary>
public sealed class UseCaseExceptionHandler : IExceptionHandler
{
    public const string MessageKey = "fairshare:message";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad && httpContext.Request.Path.StartsWithSegments("/api"))
        {
            await BadRequestBody(bad).ExecuteAsync(httpContext);
            return true;
        }
        var (status, title, errors) = exception switch
        {
            AccessDeniedException => (StatusCodes.Status403Forbidden, "Forbidden", (IReadOnlyList<Domain.DomainError>?)null),
            ValidationFailedException v => (StatusCodes.Status400BadRequest, "The request breaks a rule.", v.Errors),
            _ => (0, "", null),
        };
        if (status == 0)
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            var result = errors is null
                ? Results.Problem(exception.Message, statusCode: status, title: title)
                : Results.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    exception.Message, title: title);
            await result.ExecuteAsync(httpContext);
            return true;
        }
        httpContext.Items[MessageKey] = exception.Message;
        return true;
    }

    /// <summary>
    /// A body the API cannot read: a value JSON refused (an enum's number, say) is a 400 naming the field and
    /// saying why, as a bad query parameter is; anything else keeps its status with the framework's sentence.
    /// </summary>
    private static IResult BadRequestBody(BadHttpRequestException bad)
    {
        if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 0 } path } json)
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
            var reason = json.Message.Split(" Path: ", 2)[0];
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] },
                $"{field}: {reason}", title: "The request has a bad value.");
        }
        return Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "The request cannot be read.");
    }
}

/// <summary>Security headers on every response; scripts only from this site (and the one inline line GOV.UK needs, by nonce).</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string NonceKey = "fairshare:csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
