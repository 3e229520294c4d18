using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Web.Identity;
using Microsoft.AspNetCore.Authentication;

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
            if (via == "web" && !context.Request.Path.StartsWithSegments("/status") && await actors.IsSupplierShutOutAsync(actor, context.RequestAborted))
            {
                // Supplier self-service is off in this authority: the session ends, and the page says why.
                await context.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
                context.Items[UseCaseExceptionHandler.MessageKey] = AuthenticateApiToken.SupplierAccountsOff;
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            tenants.Set(tenant, actor);
        }
        await next(context);
    }
}
