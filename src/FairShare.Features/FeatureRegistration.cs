using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Demo;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FairShare.Features;

public static class FeatureRegistration
{
    /// <summary>Every use case: a public class with a public <c>HandleAsync</c>, one per file under its capability.</summary>
    public static IReadOnlyList<Type> UseCases { get; } = [.. typeof(FeatureRegistration).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("HandleAsync") is not null).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Registers the database and every use case; the web app and the CLI both call this.</summary>
    public static IServiceCollection AddFairShare(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddFairShareDatabase(database);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(Access.Passwords.Configure);
        services.AddScoped<TenantContext>();
        services.AddScoped<CatalogueReader>();
        services.AddScoped<ProviderShop>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ActorFactory>();
        services.AddScoped<ScopeCodes>();
        services.AddScoped<DemoDatabase>();
        foreach (var useCase in UseCases)
        {
            services.TryAddScoped(useCase);
        }
        return services;
    }
}
