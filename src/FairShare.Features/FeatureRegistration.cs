using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Demo;
using FairShare.Features.Organisation;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FairShare.Features;

public static class FeatureRegistration
{
    /// <summary>Registers the database and every use case; the web app and the CLI both call this.</summary>
    public static IServiceCollection AddFairShare(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddFairShareDatabase(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<ResolveTenant>();
        services.AddScoped<CatalogueReader>();
        services.AddScoped<ListOfferings>();
        services.AddScoped<GetOffering>();
        services.AddScoped<CompareCategory>();
        services.AddScoped<ListCostCentres>();
        services.AddScoped<GetCostCentre>();
        services.AddScoped<ListAuthorities>();
        services.AddScoped<LoadDemoData>();
        services.AddScoped<SetOfferingPrice>();
        services.AddScoped<SetBudget>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<AuthenticateApiToken>();
        services.AddScoped<SearchAuditLog>();
        services.AddScoped<ActorFactory>();
        services.AddScoped<ScopeCodes>();
        services.AddScoped<Users>();
        services.AddScoped<Imports.ImportFile>();
        services.AddScoped<Recharge.RunRecharge>();
        services.AddScoped<Recharge.RechargeLedger>();
        services.AddScoped<Recharge.GetStatement>();
        return services;
    }
}
