using System.Data.Common;
using System.Diagnostics;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FairShare.Web.Hosting;

/// <summary>
/// What a load balancer and an operator need: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (it
/// can reach its database, and every migration is applied), and one structured log line per request with its id.
/// </summary>
public static class Operations
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string RequestIdHeader = "X-Request-Id";

    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Both answer only "Healthy" or "Unhealthy" (503), to anyone, unthrottled: nothing of the database's state leaks.</summary>
    public static void MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatusAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteStatusAsync }).AllowAnonymous().DisableRateLimiting();
    }

    /// <summary>The status's one word, as the framework's writer says it, with the charset named.</summary>
    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}

/// <summary>Ready when the database answers and holds every migration this version needs.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} migrations are not applied: run 'fairshare db migrate'.");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("Readiness: the database cannot be reached ({Error}).", e.GetType().Name);
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}

/// <summary>
/// One log line per request, after it: method, path (never the query string, which may hold a search for a person),
/// status and time, within the host's scope that carries the request id; the authority's id and the caller's
/// account id, never a name or an email. The request id is returned as <c>X-Request-Id</c>, so a person can quote it.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenants)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tenants);
        context.Response.Headers[Operations.RequestIdHeader] = context.TraceIdentifier;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/assets") && !path.StartsWithSegments("/health"))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var (authority, actor, via) = tenants.IsSet ? (tenants.Current.AuthorityId, tenants.Actor.Id, tenants.Actor.Via) : ((int?)null, (string?)null, (string?)null);
                var status = context.Response.StatusCode;
                // Refusals (401, 403), limits (429) and faults (5xx) stand out as security and error events.
                var level = status >= 500 ? LogLevel.Error : status is 401 or 403 or 429 ? LogLevel.Warning : LogLevel.Information;
                Answered(logger, level, context.Request.Method, path.Value ?? "", status, elapsed, authority, actor, via);
            }
        }
    }

    [LoggerMessage(EventId = 1, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms (authority {AuthorityId}, account {ActorId}, via {Via})")]
    private static partial void Answered(ILogger logger, LogLevel level, string method, string path, int status, double elapsedMs, int? authorityId, string? actorId, string? via);
}
