using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Demo;
using FairShare.Features.Setup;
using FairShare.Features.Suppliers;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>
/// Starting a council without the demo, and the supplier register, on SQLite and on PostgreSQL: every refusal and
/// every invalid input writes nothing; every change is audited.
/// </summary>
public abstract class SetupAndSuppliersSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;

    private async Task<(int Authorities, int Users, int Suppliers, int Offerings, int Prices, int Audit)> CountsAsync()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return (await db.Authorities.CountAsync(), await db.UserAccounts.CountAsync(), await db.Suppliers.CountAsync(),
            await db.Offerings.CountAsync(), await db.OfferingPrices.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task<Outcome<InitialisedAuthority>> InitAsync(InitialiseAuthorityRequest request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<InitialiseAuthority>().HandleAsync(request);
    }

    private async Task<Outcome<T>> AsAsync<T>(Role role, Func<IServiceProvider, Task<Outcome<T>>> action, string authority = County)
    {
        await using var scope = await database.ScopeForAsync(authority, new RoleGrant(role), "Test " + role, id: "test:" + role);
        return await action(scope.ServiceProvider);
    }

    private static SupplierInput Input(string code, string end = "2028-03-31", string start = "2025-04-01") =>
        new(code, "Test Supplier " + code, "Testing.", "TEST/FW/" + code, start, end);

    [Fact]
    public async Task Init_CreatesTheAuthorityAndItsAdministrator_AuditedAsItsFirstEntries_AndThePasswordSignsIn()
    {
        var done = await InitAsync(new("Eastmoor District Council", " emd ", 4, "admin@eastmoor.example", "Eve Admin", "a long enough password")).Ok();
        Assert.Equal("EMD", done.Code);
        Assert.StartsWith("Created Eastmoor District Council (EMD), financial year from April, with Eve Admin as its administrator.", done.Message, StringComparison.Ordinal);

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var admin = await db.UserAccounts.Include(u => u.Roles).SingleAsync(u => u.AuthorityId == done.AuthorityId);
        Assert.Equal([new RoleGrant(Role.Administrator)], admin.Grants);
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success,
            Passwords.NewHasher().VerifyHashedPassword(admin, admin.PasswordHash!, "a long enough password"));
        var audit = await db.AuditEntries.Where(a => a.AuthorityId == done.AuthorityId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["authority.create", "user.create"], audit);
        Assert.False((await db.Authorities.SingleAsync(a => a.Id == done.AuthorityId)).SupplierSelfService);
    }

    [Fact]
    public async Task Init_RefusesAnExistingCode_OrAnyAuthorityWhenOnlyForAnEmptyDatabase_AndWritesNothing()
    {
        var before = await CountsAsync();
        var taken = await InitAsync(new("Another Northshire", "ncc", 4, "new@northshire.example", "New Admin", null)).Fails(OutcomeKind.Refused);
        Assert.Equal("An authority with the code NCC already exists; nothing was changed.", taken.Message);
        var notEmpty = await InitAsync(new("Brand New Council", "BNC", 4, "bnc@example.org", "B Admin", null, OnlyWhenEmpty: true)).Fails(OutcomeKind.Refused);
        Assert.Equal("FairShare is already set up: an authority exists. Sign in, or ask its administrator.", notEmpty.Message);
        var email = await InitAsync(new("Brand New Council", "BNC", 4, "admin@northshire.example", "B Admin", null)).Fails(OutcomeKind.Refused);
        Assert.Equal("adminEmail", email.Errors.Single().Field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Init_ReportsEveryBadFieldAtOnce()
    {
        var before = await CountsAsync();
        var bad = await InitAsync(new(" ", "N C C!", 13, "not-an-email", "", "short")).Fails(OutcomeKind.Invalid);
        Assert.Equal(["name", "code", "yearStartMonth", "adminName", "adminEmail", "password"], bad.Errors.Select(e => e.Field));
        Assert.Equal("must be at least 12 characters.", bad.Errors[^1].Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Suppliers_AreRegisteredChangedAndPriced_ByProcurement_Audited()
    {
        var added = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<AddSupplier>().HandleAsync(new(Input("sup-test")))).Ok();
        Assert.Equal("SUP-TEST", added.Code);
        Assert.False(added.ContractEnded);
        var duplicate = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<AddSupplier>().HandleAsync(new(Input("SUP-TEST")))).Fails(OutcomeKind.Invalid);
        Assert.Equal("a supplier with the code SUP-TEST is already registered.", duplicate.Errors.Single().Message);

        var changed = await AsAsync(Role.Administrator, s => s.GetRequiredService<ChangeSupplier>().HandleAsync(
            new("sup-test", Input("IGNORED", end: "2029-03-31") with { ContractReference = "TEST/FW/RENEWED", Name = "Test Supplier SUP-TEST" }))).Ok();
        Assert.Equal(("SUP-TEST", "TEST/FW/RENEWED", new DateOnly(2029, 3, 31)), (changed.Code, changed.ContractReference, changed.ContractEnd));

        var rate = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(
            new("SUP-TEST", "TEST-LIT", 2026, 145.50m, "Litigation (Test Supplier)", "Legal", "hour"))).Ok();
        Assert.True(rate.NewOffering);
        Assert.Equal("Pay as you go: £145.50 per hour.", rate.Price);
        Assert.Equal("Test Supplier SUP-TEST's contract rate for Litigation (Test Supplier), 2026/27: £145.50 per hour.", rate.Message);
        var again = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(
            new("SUP-TEST", "TEST-LIT", 2026, 140m))).Fails(OutcomeKind.Refused);
        Assert.Contains("prices are never overwritten", again.Message, StringComparison.Ordinal);
        var afterContract = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(
            new("SUP-TEST", "TEST-LIT", 2030, 150m))).Fails(OutcomeKind.Refused);
        Assert.Equal("Test Supplier SUP-TEST's contract (TEST/FW/RENEWED) ends on 31 March 2029, before 2030/31 starts: renew the contract first.", afterContract.Message);

        var comparison = await AsAsync(Role.BudgetHolder, s => s.GetRequiredService<CompareCategory>().HandleAsync(new("Legal"))).Ok();
        var line = comparison.Offerings.Single(o => o.Code == "TEST-LIT");
        Assert.Equal(ProviderType.ExternalSupplier, line.ProviderType);
        Assert.Equal("TEST/FW/RENEWED, contract ends 31 March 2029", comparison.Contracts!.Single(c => c.OfferingId == line.Id).Describe());

        var detail = await AsAsync(Role.Auditor, s => s.GetRequiredService<GetSupplier>().HandleAsync(new("sup-test"))).Ok();
        Assert.Equal(["2026/27"], detail.Rates.Select(r => r.FinancialYear));

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(Supplier) && a.EntityId == added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["supplier.create", "supplier.change"], actions);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "supplier.rate.set" && a.EntityId == rate.OfferingId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AnEndedContract_IsShownAsExpired_NotAsAnAlternative()
    {
        await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<AddSupplier>().HandleAsync(new(Input("SUP-OLD", end: "2026-03-31", start: "2023-04-01")))).Ok();
        await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(
            new("SUP-OLD", "OLD-PAY", 2025, 4.10m, "Payslips (old contract)", "Payroll", "payslip"))).Ok();
        var comparison = await AsAsync(Role.BudgetHolder, s => s.GetRequiredService<CompareCategory>().HandleAsync(new("Payroll", "2025"))).Ok();
        Assert.DoesNotContain(comparison.Offerings, o => o.Code == "OLD-PAY");
        var expired = Assert.Single(comparison.Expired!);
        Assert.Equal("OLD-PAY", expired.Code);
        Assert.Equal("TEST/FW/SUP-OLD, contract ended 31 March 2026", comparison.Contracts!.Single(c => c.OfferingId == expired.Id).Describe());
        var register = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<ListSuppliers>().HandleAsync(new())).Ok();
        Assert.True(register.Suppliers.Single(s => s.Code == "SUP-OLD").ContractEnded);
    }

    [Fact]
    public async Task BadSupplierInput_NamesEveryField_AndWritesNothing()
    {
        var before = await CountsAsync();
        var bad = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<AddSupplier>().HandleAsync(
            new(new SupplierInput("bad code!", "", null, "", "2026-13-01", "2025-01-01")))).Fails(OutcomeKind.Invalid);
        Assert.Equal(["contractStart", "code", "name", "contractReference"], bad.Errors.Select(e => e.Field));
        var backwards = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<AddSupplier>().HandleAsync(
            new(Input("SUP-BACK", end: "2025-01-01", start: "2026-04-01")))).Fails(OutcomeKind.Invalid);
        Assert.Equal("the contract ends (2025-01-01) before it starts (2026-04-01).", backwards.Errors.Single().Message);
        var negative = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(
            new("SUP-BRIGHT", "", null, -1m))).Fails(OutcomeKind.Invalid);
        Assert.Equal(["offeringCode", "financialYear", "rate"], negative.Errors.Select(e => e.Field));
        var internalCode = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(
            new("SUP-BRIGHT", "LEG-ADV", 2026, 100m))).Fails(OutcomeKind.Invalid);
        Assert.Equal("LEG-ADV is an offering of an internal service, not of Brightline Legal LLP.", internalCode.Errors.Single().Message);
        var unknown = await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<ChangeSupplier>().HandleAsync(new("NOPE", Input("NOPE")))).Fails(OutcomeKind.NotFound);
        Assert.Equal("No supplier of this authority has that code.", unknown.Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(Role.BudgetHolder)]
    [InlineData(Role.ProviderManager)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.ValueForMoneyPanel)]
    [InlineData(Role.Supplier)]
    public async Task OnlyProcurementAndAdministrators_ChangeTheRegister(Role role)
    {
        var before = await CountsAsync();
        var outcome = await AsAsync(role, s => s.GetRequiredService<AddSupplier>().HandleAsync(new(Input("SUP-NO")))).Fails(OutcomeKind.Forbidden);
        Assert.EndsWith("cannot register suppliers.", outcome.Message, StringComparison.Ordinal);
        await AsAsync(role, s => s.GetRequiredService<SetSupplierRate>().HandleAsync(new("SUP-BRIGHT", "X", 2026, 1m))).Fails(OutcomeKind.Forbidden);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task SupplierSelfService_Off_RefusesSupplierTokens_UntilAnAdministratorTurnsItOn()
    {
        const string Neighbour = DemoCatalogue.NeighbourCode;
        var supplierId = await database.IdOfAsync<Supplier>(Neighbour, "SUP-HARBOUR");
        var issued = await AsAsync(Role.Administrator, s => s.GetRequiredService<IssueApiToken>().HandleAsync(
            new IssueApiTokenRequest("Harbour", Role.Supplier, null, supplierId, 30)), Neighbour).Ok();
        await AsAsync(Role.Administrator, s => s.GetRequiredService<SetSupplierSelfService>().HandleAsync(new(false)), Neighbour).Ok();
        var list = await AsAsync(Role.Administrator, s => s.GetRequiredService<ListSuppliers>().HandleAsync(new()), Neighbour).Ok();
        Assert.False(list.SupplierSelfService);

        async Task<Outcome<TokenHolder>> AuthenticateAsync()
        {
            await using var scope = database.Scope();
            return await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(new(issued.Secret));
        }
        var refused = await AuthenticateAsync().Fails(OutcomeKind.Refused);
        Assert.Equal(AuthenticateApiToken.SupplierAccountsOff, refused.Message);

        await AsAsync(Role.FinanceOfficer, s => s.GetRequiredService<SetSupplierSelfService>().HandleAsync(new(true)), Neighbour).Fails(OutcomeKind.Forbidden);
        var on = await AsAsync(Role.Administrator, s => s.GetRequiredService<SetSupplierSelfService>().HandleAsync(new(true)), Neighbour).Ok();
        Assert.Equal("Westvale Borough Council's suppliers may now sign in and see their own offerings.", on.Message);
        await AuthenticateAsync().Ok();
        await AsAsync(Role.Administrator, s => s.GetRequiredService<SetSupplierSelfService>().HandleAsync(new(false)), Neighbour).Ok();
        await AuthenticateAsync().Fails(OutcomeKind.Refused);
    }
}

public sealed class SetupAndSuppliersOnSqlite(SqliteDatabase database) : SetupAndSuppliersSuite<SqliteDatabase>(database);

public sealed class SetupAndSuppliersOnPostgres(PostgresDatabase database) : SetupAndSuppliersSuite<PostgresDatabase>(database);
