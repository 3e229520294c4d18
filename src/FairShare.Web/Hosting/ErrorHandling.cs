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
