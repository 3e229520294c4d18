using FairShare.Features.Tenancy;

namespace FairShare.Web.Hosting;

/// <summary>Chooses the authority each request acts for. Until sign-in arrives it is the configured one.</summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenants, ResolveTenant resolve, FairShareOptions options)
    {
        if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/assets"))
        {
            var tenant = await resolve.HandleAsync(options.Authority, context.RequestAborted);
            if (!tenant.IsSuccess)
            {
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No authority",
                    detail: string.Join(" ", tenant.Errors.Select(e => e.Message))).ExecuteAsync(context);
                return;
            }
            tenants.Set(tenant.Value);
        }
        await next(context);
    }
}
