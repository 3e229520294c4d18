using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Web.Identity;

namespace FairShare.Web.Hosting;

/// <summary>Sets who is acting, and for which authority, from the signed-in person or the API token.</summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenants, ActorFactory actors)
    {
        var via = context.User.Identity?.AuthenticationType == ApiTokenAuthentication.SchemeName ? "api" : "web";
        if (ActorFactory.FromPrincipal(context.User, via) is { } actor
            && await actors.TenantOfAsync(actor, context.RequestAborted) is { } tenant)
        {
            tenants.Set(tenant, actor);
        }
        await next(context);
    }
}
