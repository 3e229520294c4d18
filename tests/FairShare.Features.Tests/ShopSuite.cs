using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Demo;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>Providers run their own shop (issue 15): offerings, drafts and publishing, withdrawal, charging class, calculator.</summary>
public abstract class ShopSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private const int NextYear = 2027; // the test clock is in November 2026, financial year 2026/27

    private async Task<T> AsAsync<T>(RoleGrant grant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await database.ScopeForAsync(County, grant, $"Test {grant.Role}");
        return await action(scope.ServiceProvider);
    }

    private async Task<RoleGrant> LegalManagerAsync() => new(Role.ProviderManager, CostCentreId: await database.IdOfAsync<CostCentre>(County, "S-LEG"));

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.Set<T>().CountAsync();
    }

    private static OfferingInput Lease(string code) =>
        new(code, "Lease review", "Reviews a lease.", "Legal", "lease", "S-LEG", 3, 2, 10, "Monday to Friday, 9am to 5pm");

    private async Task<int> AddAsync(RoleGrant manager, string code, OfferingPriceInput? price = null) =>
        (await AsAsync(manager, s => s.GetRequiredService<AddOffering>().HandleAsync(new AddOfferingRequest(Lease(code), price)).Ok())).Id;

    private Task<CatalogueListing> ListAsync(RoleGrant grant, int year) =>
        AsAsync(grant, s => s.GetRequiredService<ListOfferings>().HandleAsync(new ListOfferingsRequest(Year: $"{year}")).Ok());

    private static OfferingPriceInput Hourly(decimal rate, int? fromPeriod = null) => new(NextYear, PricingModel.PayAsYouGo, Rate: rate, FromPeriod: fromPeriod);

    [Fact]
    public async Task AProviderManager_AddsAnOffering_NotPricedUntilItsDraftIsPublished()
    {
        var manager = await LegalManagerAsync();
        var id = await AddAsync(manager, "SHOP-1", Hourly(120m));

        var before = (await ListAsync(manager, NextYear)).Offerings.Single(o => o.Id == id);
        Assert.Equal(("Not priced yet for 2027/28.", ChargingClass.Tradeable, (decimal?)null), (before.Price, before.ChargingClass, before.UnitPrice));
        Assert.Equal(["Responds within 2 working days", "Completes within 10 working days", "Hours of cover: Monday to Friday, 9am to 5pm"], before.ServiceLevels);

        var published = await AsAsync(manager, s => s.GetRequiredService<PublishOfferingPrice>().HandleAsync(new PublishOfferingPriceRequest(id, NextYear)).Ok());
        Assert.Equal("SHOP-1 2027/28 price published: Pay as you go: £120.00 per lease. It binds for the year.", published);
        var after = (await ListAsync(manager, NextYear)).Offerings.Single(o => o.Id == id);
        Assert.Equal(120m, after.UnitPrice);

        var audit = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("SHOP-1")).Ok());
        Assert.Equal(["offering.price.published", "offering.added"], audit.Select(e => e.Action));
    }

    [Fact]
    public async Task AProviderManager_CannotAddToAnotherService_AndNothingIsWritten()
    {
        var offerings = await CountAsync<Offering>();
        var refusal = await AsAsync(await LegalManagerAsync(), s => s.GetRequiredService<AddOffering>().HandleAsync(
            new AddOfferingRequest(Lease("SHOP-HR") with { Provider = "S-HR" })).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test ProviderManager (Provider manager) cannot add offerings to S-HR Human Resources: it is not their service.", refusal.Message);
        Assert.Equal(offerings, await CountAsync<Offering>());
    }

    [Fact]
    public async Task BadInput_IsRefusedField_ByField_AndNothingIsWritten()
    {
        var offerings = await CountAsync<Offering>();
        var prices = await CountAsync<OfferingPrice>();
        var overage = new OfferingPriceInput(NextYear, PricingModel.Subscription, Rate: 12m, Fee: 1000m, Schedule: InvoiceSchedule.Quarterly);
        var invalid = await AsAsync(await LegalManagerAsync(), s => s.GetRequiredService<AddOffering>().HandleAsync(
            new AddOfferingRequest(Lease("LEG-ADV") with { Name = "", NoticeMonths = -1 }, overage)).Fails(OutcomeKind.Invalid));
        Assert.Equal(["code", "name", "noticeMonths", "overageRate"], invalid.Errors.Select(e => e.Field));
        Assert.Contains("needs an included quantity", invalid.Errors[^1].Message, StringComparison.Ordinal);

        var negative = await AsAsync(await LegalManagerAsync(), s => s.GetRequiredService<AddOffering>().HandleAsync(
            new AddOfferingRequest(Lease("SHOP-NEG"), Hourly(-5m))).Fails(OutcomeKind.Invalid));
        Assert.Equal(("rate", "cannot be negative (got -£5.00)."), (negative.Errors[0].Field, negative.Errors[0].Message));
        Assert.Equal((offerings, prices), (await CountAsync<Offering>(), await CountAsync<OfferingPrice>()));
    }

    [Fact]
    public async Task APublishedPrice_BindsForItsYear_OnlyALowerOneFromALaterPeriodSupersedesIt()
    {
        var manager = await LegalManagerAsync();
        var id = await AddAsync(manager, "SHOP-BIND", Hourly(100m));
        await AsAsync(manager, s => s.GetRequiredService<PublishOfferingPrice>().HandleAsync(new PublishOfferingPriceRequest(id, NextYear)).Ok());

        Task<Outcome<string>> Draft(decimal rate, int? from) =>
            AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(new SetOfferingPriceRequest(id, Hourly(rate, from))));
        var again = await Draft(90m, null).Fails(OutcomeKind.Invalid);
        Assert.Contains("binds for the year", again.Errors.Single(e => e.Field == "financialYear").Message, StringComparison.Ordinal);
        var higher = await Draft(110m, 4).Fails(OutcomeKind.Invalid);
        Assert.Contains("only a lower price may supersede it", higher.Errors.Single(e => e.Field == "price").Message, StringComparison.Ordinal);

        Assert.Equal("Pay as you go: £95.00 per lease.", await Draft(95m, 4).Ok());
        await AsAsync(manager, s => s.GetRequiredService<PublishOfferingPrice>().HandleAsync(new PublishOfferingPriceRequest(id, NextYear, 4)).Ok());
        var detail = await AsAsync(manager, s => s.GetRequiredService<GetOffering>().HandleAsync(new GetOfferingRequest(id)).Ok());
        Assert.Equal(["2027/28 from period 4", "2027/28"], detail.PriceHistory.Select(p => p.FinancialYear));
        Assert.Empty(detail.Drafts!);
    }

    [Fact]
    public async Task ChangingAnOffering_IsAudited_AndItsCodeNeverChanges()
    {
        var manager = await LegalManagerAsync();
        var id = await AddAsync(manager, "SHOP-EDIT");
        var refused = await AsAsync(manager, s => s.GetRequiredService<ChangeOffering>().HandleAsync(
            new ChangeOfferingRequest(id, Lease("SHOP-OTHER"))).Fails(OutcomeKind.Invalid));
        Assert.Equal("code", refused.Errors[0].Field);

        await AsAsync(manager, s => s.GetRequiredService<ChangeOffering>().HandleAsync(
            new ChangeOfferingRequest(id, Lease("SHOP-EDIT") with { Name = "Commercial lease review", NoticeMonths = 6 })).Ok());
        var entry = (await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("SHOP-EDIT")).Ok()))[0];
        Assert.Equal("offering.changed", entry.Action);
        Assert.Contains("\"name\":\"Lease review\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Commercial lease review\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"noticeMonths\":6", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnOffering_LeavesTheCatalogue_ButStaysOnRecord()
    {
        var manager = await LegalManagerAsync();
        var id = await AddAsync(manager, "SHOP-GONE");
        var past = await AsAsync(manager, s => s.GetRequiredService<WithdrawOffering>().HandleAsync(new WithdrawOfferingRequest(id, "2026-01-01")).Fails(OutcomeKind.Refused));
        Assert.Contains("is in the past", past.Message, StringComparison.Ordinal);
        await AsAsync(manager, s => s.GetRequiredService<WithdrawOffering>().HandleAsync(new WithdrawOfferingRequest(id)).Ok());

        Assert.DoesNotContain((await ListAsync(manager, 2026)).Offerings, o => o.Id == id);
        var detail = await AsAsync(manager, s => s.GetRequiredService<GetOffering>().HandleAsync(new GetOfferingRequest(id)).Ok());
        Assert.NotNull(detail.WithdrawnFrom);
    }

    [Fact]
    public async Task OnlyThePanel_SetsTheChargingClass_FromThePeriodItNames()
    {
        var manager = await LegalManagerAsync();
        var id = await AddAsync(manager, "SHOP-CLASS");
        var forbidden = await AsAsync(manager, s => s.GetRequiredService<SetChargingClass>().HandleAsync(
            new SetChargingClassRequest(id, "mandatory", "2027-04")).Fails(OutcomeKind.Forbidden));
        Assert.EndsWith("cannot set charging classes.", forbidden.Message, StringComparison.Ordinal);

        var panel = new RoleGrant(Role.ValueForMoneyPanel);
        var set = await AsAsync(panel, s => s.GetRequiredService<SetChargingClass>().HandleAsync(new SetChargingClassRequest(id, "mandatory", "2027-04")).Ok());
        Assert.Equal("SHOP-CLASS is mandatory from 2027-04-01.", set.Message);
        Assert.Equal(ChargingClass.Tradeable, (await ListAsync(panel, 2026)).Offerings.Single(o => o.Id == id).ChargingClass);
        Assert.Equal(ChargingClass.Mandatory, (await ListAsync(panel, NextYear)).Offerings.Single(o => o.Id == id).ChargingClass);
    }

    [Fact]
    public async Task TheCalculator_DividesTheCostBaseByTheVolume_AndSaysWhetherThePriceRecoversIt()
    {
        var legalAdvice = await database.IdOfAsync<Offering>(County, "LEG-ADV");
        var calculation = await AsAsync(await LegalManagerAsync(), s => s.GetRequiredService<CalculateOfferingPrice>().HandleAsync(
            new CalculateOfferingPriceRequest(legalAdvice, 2026, ExpectedVolume: 50_000m)).Ok());
        Assert.Equal(Money.FromPounds(4_850_000m), calculation.Check.CostBase);
        Assert.Equal(97m, calculation.Check.FullCostRate);
        Assert.Equal(Money.FromPounds(-225_000m), calculation.Check.Surplus);
        Assert.Equal("Does not recover cost: a shortfall of £225,000.00 at 50000 hours.", calculation.Check.Verdict);
    }
}

public sealed class ShopOnSqlite(SqliteDatabase database) : ShopSuite<SqliteDatabase>(database);

public sealed class ShopOnPostgres(PostgresDatabase database) : ShopSuite<PostgresDatabase>(database);
