namespace FairShare.Web.Hosting;

/// <summary>
/// Where a page leaves the sentence for the status page to show (why a 403, say). Use cases no longer throw for
/// an expected failure, so nothing is handled here any more; the name stays because the month-end pages use it.
/// </summary>
public static class UseCaseExceptionHandler
{
    public const string MessageKey = "fairshare:message";
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
