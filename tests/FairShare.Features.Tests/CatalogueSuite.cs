using FairShare.Domain;
using FairShare.Features.Catalogue;
using FairShare.Features.Demo;
using FairShare.Features.Organisation;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>The persistence and catalogue suite. It runs once on SQLite and once on the real PostgreSQL server.</summary>
public abstract class CatalogueSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private const string Neighbour = DemoCatalogue.NeighbourCode;

    private async Task<T> WithAsync<T>(string authority, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await database.ScopeForAsync(authority);
        return await action(scope.ServiceProvider);
    }

    private Task<CatalogueListing> ListAsync(string authority, ListOfferingsRequest request) =>
        WithAsync(authority, s => s.GetRequiredService<ListOfferings>().HandleAsync(request).Ok());

    [Fact]
    public async Task Migrate_AppliesEveryMigration_AndASecondRunAppliesNone()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync());
    }

    [Fact]
    public async Task Demo_IsARealisticCountyWithANeighbourAndTwoSuppliers()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var county = await db.Authorities.SingleAsync(a => a.Code == County);
        var centres = await db.CostCentres.Where(c => c.AuthorityId == county.Id).ToListAsync();
        Assert.True(centres.Count(c => c.Kind == CostCentreKind.Support) >= 10);
        Assert.True(centres.Count(c => c.Kind == CostCentreKind.Frontline) >= 25);
        Assert.Contains(centres, c => c.Kind == CostCentreKind.CorporateAndDemocraticCore);
        Assert.Contains(centres, c => c.Kind == CostCentreKind.NonDistributedCosts);
        Assert.True(await db.Directorates.CountAsync(d => d.AuthorityId == county.Id) >= 5);
        Assert.Equal(2, await db.Suppliers.CountAsync(s => s.AuthorityId == county.Id));
        Assert.Equal(2 * centres.Count, await db.Budgets.CountAsync(b => b.AuthorityId == county.Id));

        var offerings = await db.Offerings.Where(o => o.AuthorityId == county.Id).Include(o => o.Prices).ToListAsync();
        Assert.True(offerings.Count >= 60);
        Assert.Equal(Enum.GetValues<ChargingClass>().ToHashSet(), offerings.Select(o => o.ChargingClass).ToHashSet());
        Assert.Equal(Enum.GetValues<PricingModel>().ToHashSet(), offerings.SelectMany(o => o.Prices).Select(p => p.Model).ToHashSet());
        Assert.All(offerings.Where(o => o.Code != "LEG-LEASE"), o => Assert.Equal([2025, 2026], o.Prices.Where(p => p.IsPublished).Select(p => p.FinancialYearStart).Order()));
        // The shop at work: one draft next-year price beside a published one, and one offering not priced yet.
        Assert.Equal([("LEG-ADV", 2027), ("LEG-LEASE", 2027)], offerings.SelectMany(o => o.Prices.Where(p => !p.IsPublished).Select(p => (o.Code, p.FinancialYearStart))).Order());
        Assert.True(await db.Offerings.CountAsync(o => o.ListedOnMarketplace && o.AuthorityId != county.Id) >= 5);
    }

    [Fact]
    public async Task Demo_LoadedASecondTime_ChangesNothing()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var before = await db.Offerings.CountAsync();
        var result = await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(new LoadDemoDataRequest()).Ok();
        Assert.False(result.Loaded);
        Assert.Equal(before, await db.Offerings.CountAsync());
    }

    [Fact]
    public async Task Catalogue_ShowsOwnOfferingsAndNeighboursListedOnes()
    {
        var county = await ListAsync(County, new());
        Assert.Contains(county.Offerings, o => o.ProviderType == ProviderType.NeighbouringAuthority && o.ProviderAuthority == "Westvale Borough Council");
        Assert.Contains(county.Offerings, o => o.ProviderType == ProviderType.ExternalSupplier);
        Assert.Contains(county.Offerings, o => o.ProviderType == ProviderType.Internal);

        Assert.DoesNotContain(county.Offerings, o => o.Code is "WB-LEG-HSG" or "HB-FM");

        var neighbour = await ListAsync(Neighbour, new());
        Assert.All(neighbour.Offerings, o => Assert.Equal("Westvale Borough Council", o.ProviderAuthority));
        Assert.Contains(neighbour.Offerings, o => o.Code == "WB-LEG-HSG");
        Assert.DoesNotContain(neighbour.Offerings, o => o.ProviderType == ProviderType.NeighbouringAuthority);
    }

    [Theory]
    [InlineData("Payroll", null, null, null)]
    [InlineData(null, "external-supplier", null, null)]
    [InlineData(null, null, "corporate-core", null)]
    [InlineData(null, null, null, "quoted")]
    [InlineData("Legal", "internal", "tradeable", "pay-as-you-go")]
    public async Task Catalogue_Filters_KeepOnlyMatchingOfferings(string? category, string? providerType, string? chargingClass, string? pricingModel)
    {
        var all = await ListAsync(County, new());
        var listing = await ListAsync(County, new(category, null, providerType, chargingClass, pricingModel));
        Assert.NotEmpty(listing.Offerings);
        Assert.True(listing.Offerings.Count < all.Offerings.Count);
        Assert.All(listing.Offerings, o =>
        {
            Assert.True(category is null || o.Category == category);
            Assert.True(providerType is null || o.ProviderType.ToSlug() == providerType);
            Assert.True(chargingClass is null || o.ChargingClass.ToSlug() == chargingClass);
            Assert.True(pricingModel is null || o.PricingModel?.ToSlug() == pricingModel);
        });
    }

    [Fact]
    public async Task Catalogue_SearchAndProvider_FindTheAlternativesForLegalAdvice()
    {
        var search = await ListAsync(County, new(Search: "legal advice"));
        Assert.Equal(["BL-ADV", "LEG-ADV", "WB-LEG-ADV"], search.Offerings.Select(o => o.Code).Order());
        var provider = await ListAsync(County, new(Provider: "Brightline Legal LLP"));
        Assert.Equal(3, provider.Offerings.Count);
    }

    [Fact]
    public async Task Catalogue_PricesTheYearAsked_AndDefaultsToTheCurrentOne()
    {
        var current = await ListAsync(County, new(Search: "LEG-ADV"));
        var previous = await ListAsync(County, new(Search: "LEG-ADV", Year: "2025"));
        Assert.Equal("2026/27", current.FinancialYear);
        Assert.Equal(92.50m, current.Offerings.Single(o => o.Code == "LEG-ADV").UnitPrice);
        Assert.Equal("2025/26", previous.FinancialYear);
        Assert.Equal(89.37m, previous.Offerings.Single(o => o.Code == "LEG-ADV").UnitPrice);
    }

    [Fact]
    public async Task Offering_KeepsExactRatesAndItsPriceHistory()
    {
        var id = (await ListAsync(County, new(Search: "PRT-MONO"))).Offerings.Single(o => o.Code == "PRT-MONO").Id;
        var offering = await WithAsync(County, s => s.GetRequiredService<GetOffering>().HandleAsync(new GetOfferingRequest(id)).Ok());
        Assert.Equal(0.035m, offering.Summary.UnitPrice);
        Assert.Equal(["2026/27", "2025/26"], offering.PriceHistory.Select(p => p.FinancialYear));
        Assert.Equal("Pay as you go: £0.034 per page.", offering.PriceHistory[1].Price);
        Assert.Equal(["Turnaround: within 3 working days (standard jobs)"], offering.Summary.ServiceLevels);
    }

    [Fact]
    public async Task AnotherAuthoritysRecords_AreNotFound()
    {
        var countyOffering = (await ListAsync(County, new(Search: "LEG-ADV"))).Offerings.Single(o => o.Code == "LEG-ADV").Id;
        var countyCentre = (await WithAsync(County, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest()).Ok()))[0].Id;

        var offering = await WithAsync(Neighbour, s => s.GetRequiredService<GetOffering>().HandleAsync(new GetOfferingRequest(countyOffering)).Fails(OutcomeKind.NotFound));
        Assert.Equal($"There is no offering {countyOffering}.", offering.Message);
        var centre = await WithAsync(Neighbour, s => s.GetRequiredService<GetCostCentre>().HandleAsync(new GetCostCentreRequest(countyCentre)).Fails(OutcomeKind.NotFound));
        Assert.Equal($"There is no cost centre {countyCentre}.", centre.Message);
        Assert.All(await WithAsync(Neighbour, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest()).Ok()),
            c => Assert.StartsWith("WB-", c.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_PutsInternalNeighbourAndExternalOfferingsSideBySide()
    {
        var comparison = await WithAsync(County, s => s.GetRequiredService<CompareCategory>().HandleAsync(new CompareCategoryRequest("legal")).Ok());
        Assert.Equal("Legal", comparison.Category);
        Assert.Equal(Enum.GetValues<ProviderType>(), comparison.Offerings.Select(o => o.ProviderType).Distinct().Order());
        var astrology = await WithAsync(County, s => s.GetRequiredService<CompareCategory>().HandleAsync(new CompareCategoryRequest("Astrology")).Fails(OutcomeKind.NotFound));
        Assert.Equal("There is no category 'Astrology' in the catalogue.", astrology.Message);
    }

    [Fact]
    public async Task CostCentre_ShowsBudgetsExactlyAndTheOfferingsItProvides()
    {
        var centres = await WithAsync(County, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest("frontline")).Ok());
        var olderPeople = centres.Single(c => c.Code == "F-OP");
        Assert.Equal(Money.FromPounds(182_000_000m), olderPeople.Budget);
        Assert.All(centres, c => Assert.Equal(CostCentreKind.Frontline, c.Kind));

        var legalId = (await WithAsync(County, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest("support")).Ok())).Single(c => c.Code == "S-LEG").Id;
        var legal = await WithAsync(County, s => s.GetRequiredService<GetCostCentre>().HandleAsync(new GetCostCentreRequest(legalId)).Ok());
        Assert.Equal(8, legal.Offerings.Count); // seven priced, and LEG-LEASE, not priced yet
        Assert.Equal(["2026/27", "2025/26"], legal.Budgets.Select(b => b.FinancialYear));
    }

    [Fact]
    public async Task Database_RefusesASecondPriceForTheSameYear_EvenWhenTheDomainIsBypassed()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var offering = await db.Offerings.Include(o => o.Authority).FirstAsync(o => o.Code == "LEG-ADV"); // prices not loaded
        _ = offering.AddPrice(new FinancialYear(2026), new PayAsYouGo(1m)).Value;
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task EveryTenantTable_CarriesItsAuthority()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        var tables = db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(Authority)).ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.NotNull(t.FindProperty(nameof(ITenantOwned.AuthorityId))));
    }
}

public sealed class CatalogueOnSqlite(SqliteDatabase database) : CatalogueSuite<SqliteDatabase>(database);

public sealed class CatalogueOnPostgres(PostgresDatabase database) : CatalogueSuite<PostgresDatabase>(database);
