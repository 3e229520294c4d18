using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Demo;
using FairShare.Features.Organisation;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>Each role may do exactly its own work; refusals are clear and change nothing; every change is audited.</summary>
public abstract class AccessSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private const string Neighbour = DemoCatalogue.NeighbourCode;

    private async Task<T> AsAsync<T>(RoleGrant grant, Func<IServiceProvider, Task<T>> action, string authority = County)
    {
        await using var scope = await database.ScopeForAsync(authority, grant, $"Test {grant.Role}");
        return await action(scope.ServiceProvider);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.AuditEntries.CountAsync();
    }

    private async Task<Money?> BudgetAsync(int costCentreId, int year)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.Budgets.Where(b => b.CostCentreId == costCentreId && b.FinancialYearStart == year).Select(b => (Money?)b.Amount).SingleOrDefaultAsync();
    }

    private async Task<RoleGrant> ScopedAsync(Role role, string code) =>
        role == Role.Supplier
            ? new RoleGrant(role, SupplierId: await database.IdOfAsync<Supplier>(County, code))
            : new RoleGrant(role, CostCentreId: await database.IdOfAsync<CostCentre>(County, code));

    private static OfferingPriceInput Hourly(int year, decimal rate) => new(year, PricingModel.PayAsYouGo, Rate: rate);

    [Fact]
    public async Task BudgetHolder_SeesOnlyTheirCostCentres_AndIsRefusedTheRest()
    {
        var holder = await ScopedAsync(Role.BudgetHolder, "F-OP");
        var legal = await database.IdOfAsync<CostCentre>(County, "S-LEG");

        var centres = await AsAsync(holder, s => s.GetRequiredService<ListCostCentres>().HandleAsync());
        Assert.Equal(["F-OP"], centres.Select(c => c.Code));
        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(holder, s => s.GetRequiredService<GetCostCentre>().HandleAsync(legal)));
        Assert.Equal("Test BudgetHolder (Budget holder) cannot see S-LEG Legal Services: it is outside the cost centres of their role.", refusal.Message);
    }

    [Theory]
    [InlineData(Role.BudgetHolder)]
    [InlineData(Role.ProviderManager)]
    [InlineData(Role.ProviderStaff)]
    [InlineData(Role.ValueForMoneyPanel)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Supplier)]
    public async Task OnlyFinanceOfficersAndAdministrators_SetBudgets_OthersChangeNothing(Role role)
    {
        var grant = role switch
        {
            Role.BudgetHolder => await ScopedAsync(role, "F-OP"),
            Role.ProviderManager or Role.ProviderStaff => await ScopedAsync(role, "S-LEG"),
            Role.Supplier => await ScopedAsync(role, "SUP-BRIGHT"),
            _ => new RoleGrant(role),
        };
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");
        var auditBefore = await AuditCountAsync();

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(grant, s => s.GetRequiredService<SetBudget>().HandleAsync(olderPeople, 2031, 1m)));
        Assert.EndsWith("cannot set budgets.", refusal.Message, StringComparison.Ordinal);
        Assert.Null(await BudgetAsync(olderPeople, 2031));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task FinanceOfficer_SetsABudget_AndTheAuditLogHoldsBeforeAndAfter()
    {
        var finance = new RoleGrant(Role.FinanceOfficer);
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");
        await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(olderPeople, 2032, 1_000_000m));
        var line = await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(olderPeople, 2032, 1_250_000.50m));

        Assert.Equal(Money.FromPounds(1_250_000.50m), line!.Amount);
        Assert.Equal(Money.FromPounds(1_250_000.50m), await BudgetAsync(olderPeople, 2032));
        var entries = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new AuditSearch("2032/33")));
        var latest = entries[0];
        Assert.Equal("budget.set", latest.Action);
        Assert.Equal("Test FinanceOfficer", latest.Actor);
        Assert.Equal("""{"code":"F-OP","financialYear":"2032/33","amount":"1000000.00"}""", latest.Before);
        Assert.Equal("""{"code":"F-OP","financialYear":"2032/33","amount":"1250000.50"}""", latest.After);
        Assert.Null(entries[1].Before);
    }

    [Fact]
    public async Task ProviderManager_PricesTheirOwnServicesOfferings_NotAnothers()
    {
        var manager = await ScopedAsync(Role.ProviderManager, "S-LEG");
        var legalAdvice = await database.IdOfAsync<Offering>(County, "LEG-ADV");
        var hrAdvice = await database.IdOfAsync<Offering>(County, "HR-ADV");

        var price = await AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(legalAdvice, Hourly(2030, 96m)));
        Assert.Equal("Pay as you go: £96.00 per hour.", price);
        var entry = (await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new AuditSearch("2030/31"))))[0];
        Assert.Equal(("offering.price.set", "Test ProviderManager"), (entry.Action, entry.Actor));
        Assert.Equal("""{"code":"LEG-ADV","financialYear":"2030/31","price":"Pay as you go: £96.00 per hour."}""", entry.After);

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(hrAdvice, Hourly(2030, 70m))));
        Assert.Equal("Test ProviderManager (Provider manager) cannot price HR-ADV: it is provided by Human Resources, not their service.", refusal.Message);

        var again = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(legalAdvice, Hourly(2030, 99m))));
        Assert.Contains(again.Errors, e => e.Field == "financialYear" && e.Message.Contains("never overwritten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProviderStaff_CannotPrice()
    {
        var staff = await ScopedAsync(Role.ProviderStaff, "S-LEG");
        var legalAdvice = await database.IdOfAsync<Offering>(County, "LEG-ADV");
        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(staff, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(legalAdvice, Hourly(2033, 1m))));
        Assert.Equal("Test ProviderStaff (Provider staff) cannot set offering prices.", refusal.Message);
    }

    [Fact]
    public async Task Supplier_SeesOnlyItsOwnOfferings_AndNoCostCentres()
    {
        var supplier = await ScopedAsync(Role.Supplier, "SUP-BRIGHT");
        var listing = await AsAsync(supplier, s => s.GetRequiredService<ListOfferings>().HandleAsync(CatalogueFilter.None));
        Assert.Equal(["BL-ADV", "BL-CONTRACT", "BL-LIT"], listing.Offerings.Select(o => o.Code).Order());
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(supplier, s => s.GetRequiredService<ListCostCentres>().HandleAsync()));
    }

    [Theory]
    [InlineData(Role.BudgetHolder)]
    [InlineData(Role.ProviderManager)]
    [InlineData(Role.FinanceOfficer)]
    [InlineData(Role.ValueForMoneyPanel)]
    public async Task OnlyAuditorsAndAdministrators_ReadTheAuditLog(Role role)
    {
        var grant = role is Role.BudgetHolder ? await ScopedAsync(role, "F-OP") : role is Role.ProviderManager ? await ScopedAsync(role, "S-LEG") : new RoleGrant(role);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(grant, s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new AuditSearch())));
        Assert.NotNull(await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new AuditSearch())));
    }

    [Fact]
    public async Task AnotherAuthoritysRecords_CannotBeChanged_AndBehaveAsNotFound()
    {
        var admin = new RoleGrant(Role.Administrator);
        var theirOffering = await database.IdOfAsync<Offering>(Neighbour, "WB-LEG-HSG");
        var theirCentre = await database.IdOfAsync<CostCentre>(Neighbour, "WB-HSG");
        var auditBefore = await AuditCountAsync();

        Assert.Null(await AsAsync(admin, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(theirOffering, Hourly(2034, 1m))));
        Assert.Null(await AsAsync(admin, s => s.GetRequiredService<SetBudget>().HandleAsync(theirCentre, 2034, 1m)));
        Assert.Null(await AsAsync(admin, s => s.GetRequiredService<GetOffering>().HandleAsync(theirOffering)));
        Assert.Null(await BudgetAsync(theirCentre, 2034));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task ApiToken_WorksUntilRevoked_AndNotAfterItExpires()
    {
        var admin = new RoleGrant(Role.Administrator);
        var issued = await AsAsync(admin, s => s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenInput("Time recording", Role.FinanceOfficer, ValidDays: 30)));
        Assert.StartsWith("fs_", issued.Secret, StringComparison.Ordinal);

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            db.SystemAccess = true;
            var stored = await db.ApiTokens.SingleAsync(t => t.Id == issued.Token.Id);
            Assert.Equal(ApiToken.HashOf(issued.Secret), stored.Hash);
            Assert.DoesNotContain(issued.Secret[10..], stored.Prefix + stored.Hash, StringComparison.Ordinal);

            var (_, actor, refusal) = await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(issued.Secret);
            Assert.Null(refusal);
            Assert.Equal(Role.FinanceOfficer, Assert.Single(actor!.Grants).Role);

            var later = new AuthenticateApiToken(db, new FixedClock(FixedClock.InNovember2026.GetUtcNow().AddDays(31)));
            Assert.Equal(TokenRefusal.Expired, (await later.HandleAsync(issued.Secret)).Refusal);
            Assert.Equal(TokenRefusal.Unknown, (await later.HandleAsync("fs_" + new string('0', 64))).Refusal);
        }

        Assert.NotNull(await AsAsync(admin, s => s.GetRequiredService<ApiTokens>().RevokeAsync(issued.Token.Id)));
        await using (var scope = database.Scope())
        {
            Assert.Equal(TokenRefusal.Revoked, (await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(issued.Secret)).Refusal);
        }
        var actions = (await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new AuditSearch("api-token")))).Select(a => a.Action).ToList();
        Assert.Contains("api-token.issue", actions);
        Assert.Contains("api-token.revoke", actions);
    }

    [Fact]
    public async Task ApiToken_ForAScopedRole_NeedsAScopeOfTheRightKind()
    {
        var admin = new RoleGrant(Role.Administrator);
        var frontline = await database.IdOfAsync<CostCentre>(County, "F-OP");
        var theirs = await database.IdOfAsync<CostCentre>(Neighbour, "WB-LEG");
        var noScope = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync(admin, s => s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenInput("x", Role.BudgetHolder))));
        Assert.Equal("costCentreId", Assert.Single(noScope.Errors).Field);
        var wrongKind = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync(admin, s => s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenInput("x", Role.ProviderManager, frontline))));
        Assert.Contains("not a support service", Assert.Single(wrongKind.Errors).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync(admin, s => s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenInput("x", Role.ProviderManager, theirs))));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(new RoleGrant(Role.FinanceOfficer), s => s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenInput("x", Role.Auditor))));
    }

    [Fact]
    public async Task Administrator_CreatesAccounts_OthersCannot_AndEmailsAreUnique()
    {
        var admin = new RoleGrant(Role.Administrator);
        var legal = await database.IdOfAsync<CostCentre>(County, "S-LEG");
        var created = await AsAsync(admin, s => s.GetRequiredService<Users>().CreateAsync(
            new UserInput($"new.solicitor.{typeof(TDatabase).Name}@northshire.example", "New Solicitor", Role.ProviderStaff, legal, Password: "a-long-enough-password")));
        Assert.Equal([new RoleGrant(Role.ProviderStaff, legal)], created.Roles);

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => AsAsync(admin, s => s.GetRequiredService<Users>().CreateAsync(
            new UserInput("ADMIN@northshire.example", "Someone", Role.Auditor))));
        Assert.Equal("email: ADMIN@northshire.example already has a FairShare account.", duplicate.Message);
        var shortPassword = await Assert.ThrowsAsync<ValidationFailedException>(() => AsAsync(admin, s => s.GetRequiredService<Users>().CreateAsync(
            new UserInput("short@northshire.example", "Short", Role.Auditor, Password: "tiny"))));
        Assert.Equal("password", Assert.Single(shortPassword.Errors).Field);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(new RoleGrant(Role.FinanceOfficer), s => s.GetRequiredService<Users>().CreateAsync(
            new UserInput("sneaky@northshire.example", "Sneaky", Role.Administrator))));

        var log = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new AuditSearch("New Solicitor")));
        Assert.Equal("user.create", Assert.Single(log).Action);
        Assert.DoesNotContain("a-long-enough-password", log[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_IsAppendOnly_InTheDatabaseItself()
    {
        var finance = new RoleGrant(Role.FinanceOfficer);
        var libraries = await database.IdOfAsync<CostCentre>(County, "F-LIB");
        await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(libraries, 2035, 5m));
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var count = await db.AuditEntries.CountAsync();
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else'"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Equal(count, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.ActorName == "someone else"));
    }
}

public sealed class AccessOnSqlite(SqliteDatabase database) : AccessSuite<SqliteDatabase>(database);

public sealed class AccessOnPostgres(PostgresDatabase database) : AccessSuite<PostgresDatabase>(database);
