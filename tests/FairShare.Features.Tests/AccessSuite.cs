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

    private static SetOfferingPriceRequest Hourly(int offering, int year, decimal rate) => new(offering, new OfferingPriceInput(year, PricingModel.PayAsYouGo, Rate: rate));

    [Fact]
    public async Task BudgetHolder_SeesOnlyTheirCostCentres_AndIsRefusedTheRest()
    {
        var holder = await ScopedAsync(Role.BudgetHolder, "F-OP");
        var legal = await database.IdOfAsync<CostCentre>(County, "S-LEG");

        var centres = await AsAsync(holder, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest()).Ok());
        Assert.Equal(["F-OP"], centres.Select(c => c.Code));
        var refusal = await AsAsync(holder, s => s.GetRequiredService<GetCostCentre>().HandleAsync(new GetCostCentreRequest(legal)).Fails(OutcomeKind.Forbidden));
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

        var refusal = await AsAsync(grant, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(olderPeople, 2031, 1m)).Fails(OutcomeKind.Forbidden));
        Assert.EndsWith("cannot set budgets.", refusal.Message, StringComparison.Ordinal);
        Assert.Null(await BudgetAsync(olderPeople, 2031));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task FinanceOfficer_SetsABudget_AndTheAuditLogHoldsBeforeAndAfter()
    {
        var finance = new RoleGrant(Role.FinanceOfficer);
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");
        await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(olderPeople, 2032, 1_000_000m)).Ok());
        var line = await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(olderPeople, 2032, 1_250_000.50m)).Ok());

        Assert.Equal(Money.FromPounds(1_250_000.50m), line.Amount);
        Assert.Equal(Money.FromPounds(1_250_000.50m), await BudgetAsync(olderPeople, 2032));
        var entries = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("2032/33")).Ok());
        var latest = entries[0];
        Assert.Equal("budget.set", latest.Action);
        Assert.Equal("Test FinanceOfficer", latest.Actor);
        Assert.Equal("""{"code":"F-OP","financialYear":"2032/33","amount":"1000000.00"}""", latest.Before);
        Assert.Equal("""{"code":"F-OP","financialYear":"2032/33","amount":"1250000.50"}""", latest.After);
        Assert.Null(entries[1].Before);
    }

    [Fact]
    public async Task BadInput_IsInvalid_WithEveryFieldsError_AndChangesNothing()
    {
        var finance = new RoleGrant(Role.FinanceOfficer);
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");
        var auditBefore = await AuditCountAsync();

        var budget = await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(olderPeople, 1999, 1.234m)).Fails(OutcomeKind.Invalid));
        Assert.Equal(["amount", "financialYear"], budget.Errors.Select(e => e.Field));
        Assert.Equal("£1.234 is not a whole number of pence.", budget.Errors[0].Message);
        var noAmount = await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(olderPeople, 2031, null)).Fails(OutcomeKind.Invalid));
        Assert.Equal("amount: Enter the budget in pounds.", noAmount.Message);
        var audit = await AsAsync(new RoleGrant(Role.Auditor),
            s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest(From: "yesterday", To: "2026-13-01")).Fails(OutcomeKind.Invalid));
        Assert.Equal(["from", "to"], audit.Errors.Select(e => e.Field));
        var kind = await AsAsync(finance, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest("secret")).Fails(OutcomeKind.Invalid));
        Assert.Equal("kind: 'secret' is not one of frontline, support, corporate-and-democratic-core, non-distributed-costs.", kind.Message);

        Assert.Null(await BudgetAsync(olderPeople, 1999));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task ProviderManager_PricesTheirOwnServicesOfferings_NotAnothers()
    {
        var manager = await ScopedAsync(Role.ProviderManager, "S-LEG");
        var legalAdvice = await database.IdOfAsync<Offering>(County, "LEG-ADV");
        var hrAdvice = await database.IdOfAsync<Offering>(County, "HR-ADV");

        var price = await AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(Hourly(legalAdvice, 2030, 96m)).Ok());
        Assert.Equal("Pay as you go: £96.00 per hour.", price);
        var entry = (await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("2030/31")).Ok()))[0];
        Assert.Equal(("offering.price.drafted", "Test ProviderManager"), (entry.Action, entry.Actor));
        Assert.Equal("""{"code":"LEG-ADV","financialYear":"2030/31","price":"Pay as you go: £96.00 per hour."}""", entry.After);

        var refusal = await AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(Hourly(hrAdvice, 2030, 70m)).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test ProviderManager (Provider manager) cannot price HR-ADV: it is provided by Human Resources, not their service.", refusal.Message);

        // Published, the year's price binds: another whole-year price is refused with the reason.
        await AsAsync(manager, s => s.GetRequiredService<PublishOfferingPrice>().HandleAsync(new PublishOfferingPriceRequest(legalAdvice, 2030)).Ok());
        var again = await AsAsync(manager, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(Hourly(legalAdvice, 2030, 99m)).Fails(OutcomeKind.Invalid));
        Assert.Contains(again.Errors, e => e.Field == "financialYear" && e.Message.Contains("binds for the year", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProviderStaff_CannotPrice()
    {
        var staff = await ScopedAsync(Role.ProviderStaff, "S-LEG");
        var legalAdvice = await database.IdOfAsync<Offering>(County, "LEG-ADV");
        var refusal = await AsAsync(staff, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(Hourly(legalAdvice, 2033, 1m)).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test ProviderStaff (Provider staff) cannot set offering prices.", refusal.Message);
    }

    [Fact]
    public async Task Supplier_SeesOnlyItsOwnOfferings_AndNoCostCentres()
    {
        var supplier = await ScopedAsync(Role.Supplier, "SUP-BRIGHT");
        var listing = await AsAsync(supplier, s => s.GetRequiredService<ListOfferings>().HandleAsync(new ListOfferingsRequest()).Ok());
        Assert.Equal(["BL-ADV", "BL-CONTRACT", "BL-LIT"], listing.Offerings.Select(o => o.Code).Order());
        var refusal = await AsAsync(supplier, s => s.GetRequiredService<ListCostCentres>().HandleAsync(new ListCostCentresRequest()).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test Supplier (Supplier) cannot see cost centres.", refusal.Message);
    }

    [Theory]
    [InlineData(Role.BudgetHolder)]
    [InlineData(Role.ProviderManager)]
    [InlineData(Role.FinanceOfficer)]
    [InlineData(Role.ValueForMoneyPanel)]
    public async Task OnlyAuditorsAndAdministrators_ReadTheAuditLog(Role role)
    {
        var grant = role is Role.BudgetHolder ? await ScopedAsync(role, "F-OP") : role is Role.ProviderManager ? await ScopedAsync(role, "S-LEG") : new RoleGrant(role);
        var refusal = await AsAsync(grant, s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest()).Fails(OutcomeKind.Forbidden));
        Assert.EndsWith("cannot read the audit log.", refusal.Message, StringComparison.Ordinal);
        var export = await AsAsync(grant, s => s.GetRequiredService<ExportAuditLog>().HandleAsync(new ExportAuditLogRequest()).Fails(OutcomeKind.Forbidden));
        Assert.Equal(refusal.Message, export.Message);
        Assert.NotNull(await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest()).Ok()));
    }

    [Fact]
    public async Task AnotherAuthoritysRecords_CannotBeChanged_AndBehaveAsNotFound()
    {
        var admin = new RoleGrant(Role.Administrator);
        var theirOffering = await database.IdOfAsync<Offering>(Neighbour, "WB-LEG-HSG");
        var theirCentre = await database.IdOfAsync<CostCentre>(Neighbour, "WB-HSG");
        var auditBefore = await AuditCountAsync();

        await AsAsync(admin, s => s.GetRequiredService<SetOfferingPrice>().HandleAsync(Hourly(theirOffering, 2034, 1m)).Fails(OutcomeKind.NotFound));
        await AsAsync(admin, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(theirCentre, 2034, 1m)).Fails(OutcomeKind.NotFound));
        await AsAsync(admin, s => s.GetRequiredService<GetOffering>().HandleAsync(new GetOfferingRequest(theirOffering)).Fails(OutcomeKind.NotFound));
        Assert.Null(await BudgetAsync(theirCentre, 2034));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task ApiToken_WorksUntilRevoked_AndNotAfterItExpires()
    {
        var admin = new RoleGrant(Role.Administrator);
        var issued = await AsAsync(admin, s => s.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiTokenRequest("Time recording", Role.FinanceOfficer, ValidDays: 30)).Ok());
        Assert.StartsWith("fs_", issued.Secret, StringComparison.Ordinal);

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            db.SystemAccess = true;
            var stored = await db.ApiTokens.SingleAsync(t => t.Id == issued.Token.Id);
            Assert.Equal(ApiToken.HashOf(issued.Secret), stored.Hash);
            Assert.DoesNotContain(issued.Secret[10..], stored.Prefix + stored.Hash, StringComparison.Ordinal);

            var holder = await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(new AuthenticateApiTokenRequest(issued.Secret)).Ok();
            Assert.Equal(Role.FinanceOfficer, Assert.Single(holder.Actor.Grants).Role);

            var later = new AuthenticateApiToken(db, TestClock.At(TimeSpan.FromDays(31)));
            var expired = await later.HandleAsync(new AuthenticateApiTokenRequest(issued.Secret)).Fails(OutcomeKind.Refused);
            Assert.Equal("The API token has expired.", expired.Message);
            var unknown = await later.HandleAsync(new AuthenticateApiTokenRequest("fs_" + new string('0', 64))).Fails(OutcomeKind.NotFound);
            Assert.Equal("The API token is not recognised.", unknown.Message);
        }

        var revoked = await AsAsync(admin, s => s.GetRequiredService<RevokeApiToken>().HandleAsync(new RevokeApiTokenRequest(issued.Token.Id)).Ok());
        Assert.NotNull(revoked.RevokedAt);
        await using (var scope = database.Scope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(new AuthenticateApiTokenRequest(issued.Secret)).Fails(OutcomeKind.Refused);
            Assert.Equal("The API token has been revoked.", refused.Message);
        }
        var missing = await AsAsync(admin, s => s.GetRequiredService<RevokeApiToken>().HandleAsync(new RevokeApiTokenRequest(int.MaxValue)).Fails(OutcomeKind.NotFound));
        Assert.Equal($"There is no API token {int.MaxValue}.", missing.Message);
        var actions = (await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("api-token")).Ok())).Select(a => a.Action).ToList();
        Assert.Contains("api-token.issue", actions);
        Assert.Contains("api-token.revoke", actions);
    }

    [Fact]
    public async Task ApiToken_ForAScopedRole_NeedsAScopeOfTheRightKind()
    {
        var admin = new RoleGrant(Role.Administrator);
        var frontline = await database.IdOfAsync<CostCentre>(County, "F-OP");
        var theirs = await database.IdOfAsync<CostCentre>(Neighbour, "WB-LEG");
        var noScope = await AsAsync(admin, s => s.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiTokenRequest("x", Role.BudgetHolder)).Fails(OutcomeKind.Invalid));
        Assert.Equal("costCentreId", Assert.Single(noScope.Errors).Field);
        var wrongKind = await AsAsync(admin, s => s.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiTokenRequest("x", Role.ProviderManager, frontline)).Fails(OutcomeKind.Invalid));
        Assert.Contains("not a support service", Assert.Single(wrongKind.Errors).Message, StringComparison.Ordinal);
        var foreign = await AsAsync(admin, s => s.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiTokenRequest("x", Role.ProviderManager, theirs)).Fails(OutcomeKind.Invalid));
        Assert.Equal("costCentreId", Assert.Single(foreign.Errors).Field);
        var refusal = await AsAsync(new RoleGrant(Role.FinanceOfficer),
            s => s.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiTokenRequest("x", Role.Auditor)).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test FinanceOfficer (Finance officer) cannot issue API tokens.", refusal.Message);
    }

    [Fact]
    public async Task Administrator_CreatesAccounts_OthersCannot_AndEmailsAreUnique()
    {
        var admin = new RoleGrant(Role.Administrator);
        var legal = await database.IdOfAsync<CostCentre>(County, "S-LEG");
        var created = await AsAsync(admin, s => s.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest($"new.solicitor.{typeof(TDatabase).Name}@northshire.example", "New Solicitor", Role.ProviderStaff, legal, Password: "a-long-enough-password")).Ok());
        Assert.Equal([new RoleGrant(Role.ProviderStaff, legal)], created.Roles);

        var duplicate = await AsAsync(admin, s => s.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest("ADMIN@northshire.example", "Someone", Role.Auditor)).Fails(OutcomeKind.Invalid));
        Assert.Equal("email: ADMIN@northshire.example already has a FairShare account.", duplicate.Message);
        var shortPassword = await AsAsync(admin, s => s.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest("short@northshire.example", "Short", Role.Auditor, Password: "tiny")).Fails(OutcomeKind.Invalid));
        Assert.Equal("password", Assert.Single(shortPassword.Errors).Field);
        var everything = await AsAsync(admin, s => s.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest("nobody", " ", Role.BudgetHolder, Password: "tiny")).Fails(OutcomeKind.Invalid));
        Assert.Equal(["email", "name", "password", "costCentreId"], everything.Errors.Select(e => e.Field));
        var refusal = await AsAsync(new RoleGrant(Role.FinanceOfficer), s => s.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest("sneaky@northshire.example", "Sneaky", Role.Administrator)).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test FinanceOfficer (Finance officer) cannot manage users.", refusal.Message);
        var listed = await AsAsync(new RoleGrant(Role.FinanceOfficer), s => s.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest()).Fails(OutcomeKind.Forbidden));
        Assert.Equal("Test FinanceOfficer (Finance officer) cannot see users.", listed.Message);
        Assert.Contains(await AsAsync(admin, s => s.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest()).Ok()), u => u.Name == "New Solicitor");

        var log = await AsAsync(new RoleGrant(Role.Auditor), s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("New Solicitor")).Ok());
        Assert.Equal("user.create", Assert.Single(log).Action);
        Assert.DoesNotContain("a-long-enough-password", log[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_IsAppendOnly_InTheDatabaseItself()
    {
        var finance = new RoleGrant(Role.FinanceOfficer);
        var libraries = await database.IdOfAsync<CostCentre>(County, "F-LIB");
        await AsAsync(finance, s => s.GetRequiredService<SetBudget>().HandleAsync(new SetBudgetRequest(libraries, 2035, 5m)).Ok());
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
