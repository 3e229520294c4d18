using Microsoft.AspNetCore.Diagnostics;

namespace FairShare.Web.Hosting;

/// <summary>
/// Where a page leaves the sentence for the status page to show (why a 403, say). Use cases no longer throw for
/// an expected failure, so nothing is handled here any more; the name stays because the month-end pages use it.
/// </summary>
public static class UseCaseExceptionHandler
{
    public const string MessageKey = "fairshare:message";
}

/// <summary>
/// The one exception the web app still turns into an answer: an API request body it cannot read. Use cases
/// return outcomes; this is the framework refusing the body before any use case runs.
/// </summary>
public sealed class BadRequestBodyHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is BadHttpRequestException bad && httpContext.Request.Path.StartsWithSegments("/api"))
        {
            await BadRequestBody(bad).ExecuteAsync(httpContext);
            return true;
        }
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } && !httpContext.Response.HasStarted)
        {
            // A page's form too large to read (a file over the limit): the status page says the limit, in words.
            httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            httpContext.Items[UseCaseExceptionHandler.MessageKey] = TooLarge;
            return true;
        }
        return false;
    }

    /// <summary>The most a request may carry (Kestrel's limit): a file import through the page or the API.</summary>
    public const long MaxRequestBytes = 20 * 1024 * 1024;

    public static readonly string TooLarge =
        $"The file is larger than {MaxRequestBytes / (1024 * 1024)} MB, the most FairShare takes through the web. Nothing was imported. "
        + "Split it into smaller files (by month, say), or import it with the command line (fairshare import), which has no such limit.";

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
        return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Results.Problem(TooLarge, statusCode: bad.StatusCode, title: "The request is too large.")
            : Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "The request cannot be read.");
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
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Pages and exports (statements, journals, the audit log) are for the person who asked, not for a browser's or a
        // proxy's cache: whatever an endpoint answers is no-store unless it says otherwise. Static files have no endpoint.
        context.Response.OnStarting(() =>
        {
            if (context.GetEndpoint() is not null && !context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
            {
                context.Response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
