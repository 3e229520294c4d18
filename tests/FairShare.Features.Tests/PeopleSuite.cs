using System.Globalization;
using System.Text;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FairShare.Features.Tests;

/// <summary>Administrators manage people: roles with scope, disabling, reset links, own passwords, CSV import; refusals change nothing; all audited without secrets.</summary>
public abstract class PeopleSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;
    private static readonly string Tag = typeof(TDatabase).Name.ToLowerInvariant();

    private async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> action, string id = "test", string authority = County)
    {
        await using var scope = await database.ScopeForAsync(authority, new RoleGrant(Role.Administrator), "Test administrator", id);
        return await action(scope.ServiceProvider);
    }

    private async Task<UserAccount> AccountAsync(string email)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await db.UserAccounts.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.NormalizedEmail == UserAccount.Normalise(email));
    }

    private async Task<List<AuditEntry>> AuditOfAsync(int userId)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        var id = userId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(UserAccount) && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<Person> AddBudgetHolderAsync(string email, params string[] centres)
    {
        var ids = new List<int>();
        foreach (var code in centres)
        {
            ids.Add(await database.IdOfAsync<CostCentre>(County, code));
        }
        await AsAdminAsync(s => s.GetRequiredService<AddUser>().HandleAsync(new AddUserRequest(email, "Bea Holder", Role.BudgetHolder, ids[0],
            MoreRoles: [.. ids.Skip(1).Select(i => new RoleGrant(Role.BudgetHolder, i))])).Ok());
        var account = await AccountAsync(email);
        return await AsAdminAsync(s => s.GetRequiredService<GetUser>().HandleAsync(new GetUserRequest(account.Id)).Ok());
    }

    [Fact]
    public async Task ABudgetHolder_HoldsSeveralCostCentres_ShownByCode_AndAudited()
    {
        var person = await AddBudgetHolderAsync($"two.centres.{Tag}@northshire.example", "F-OP", "F-LIB");

        Assert.Equal(["Budget holder: F-LIB Libraries", "Budget holder: F-OP Older People's Services"], person.Roles.Select(r => r.Described).Order(StringComparer.Ordinal));
        Assert.Equal("Active", person.State);
        Assert.Null(person.LastSignInAt);
        var listed = await AsAdminAsync(s => s.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest()).Ok());
        Assert.Contains(listed, p => p.Id == person.Id && p.Roles.Count == 2);
        var audit = Assert.Single(await AuditOfAsync(person.Id));
        Assert.Equal("user.create", audit.Action);
    }

    [Fact]
    public async Task RolesAreGivenAndTakenAway_AndTheNameChanged_EachAudited()
    {
        var person = await AddBudgetHolderAsync($"changing.{Tag}@northshire.example", "F-OP", "F-LIB");
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");

        var changed = await AsAdminAsync(s => s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(person.Id, Name: "Bea Holder-Smith",
            Roles: [new RoleGrant(Role.BudgetHolder, olderPeople), new RoleGrant(Role.Auditor)])).Ok());

        Assert.Equal("Bea Holder-Smith", changed.Name);
        Assert.Equal(["Auditor", "Budget holder: F-OP Older People's Services"], changed.Roles.Select(r => r.Described).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await AccountAsync(person.Email)).Roles.Count);
        var audit = await AuditOfAsync(person.Id);
        Assert.Equal(["user.create", "user.change"], audit.Select(a => a.Action));
        Assert.Contains("Bea Holder-Smith", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadChanges_AreInvalid_NamingTheField_AndChangeNothing()
    {
        var person = await AddBudgetHolderAsync($"bad.changes.{Tag}@northshire.example", "F-OP");
        var legal = await database.IdOfAsync<CostCentre>(County, "S-LEG");
        var olderPeople = await database.IdOfAsync<CostCentre>(County, "F-OP");

        var invalid = await AsAdminAsync(s => s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(person.Id, Name: " ", Email: "not-an-email",
            Roles: [new RoleGrant(Role.ProviderManager, olderPeople), new RoleGrant(Role.Auditor, legal)])).Fails(OutcomeKind.Invalid));
        Assert.Equal(["costCentreId", "costCentreId", "email", "name"], invalid.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        var none = await AsAdminAsync(s => s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(person.Id, Roles: [])).Fails(OutcomeKind.Invalid));
        Assert.Equal("roles: an account needs at least one role.", none.Message);
        var taken = await AsAdminAsync(s => s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(person.Id, Email: "ADMIN@northshire.example")).Fails(OutcomeKind.Invalid));
        Assert.Equal("email: ADMIN@northshire.example already has a FairShare account.", taken.Message);

        Assert.Single(await AuditOfAsync(person.Id));
        Assert.Equal("Bea Holder", (await AccountAsync(person.Email)).DisplayName);
    }

    [Fact]
    public async Task Disabling_RenewsTheStamp_StopsSignIn_AndEnablingRestoresIt()
    {
        var person = await AddBudgetHolderAsync($"leaver.{Tag}@northshire.example", "F-OP");
        var stamp = (await AccountAsync(person.Email)).SecurityStamp;

        var disabled = await AsAdminAsync(s => s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(person.Id)).Ok());

        Assert.True(disabled.Disabled);
        Assert.Equal("Disabled", disabled.State);
        var account = await AccountAsync(person.Email);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.True(account.IsDisabled);
        var again = await AsAdminAsync(s => s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(person.Id)).Fails(OutcomeKind.Refused));
        Assert.StartsWith($"{person.Email} was already disabled on", again.Message, StringComparison.Ordinal);
        var noLink = await AsAdminAsync(s => s.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(person.Id)).Fails(OutcomeKind.Refused));
        Assert.Contains("enable the account", noLink.Message, StringComparison.Ordinal);

        var enabled = await AsAdminAsync(s => s.GetRequiredService<EnableUser>().HandleAsync(new EnableUserRequest(person.Id)).Ok());
        Assert.False(enabled.Disabled);
        Assert.Equal(["user.create", "user.disable", "user.enable"], (await AuditOfAsync(person.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task AnAdministrator_CannotDisableThemselves_NorTheLastAdministrator_NorTakeItsRole()
    {
        var admin = await AccountAsync("admin@northshire.example");

        var self = await AsAdminAsync(s => s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(admin.Id)).Fails(OutcomeKind.Refused),
            id: admin.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("You cannot disable your own account: ask another administrator.", self.Message);
        var last = await AsAdminAsync(s => s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(admin.Id)).Fails(OutcomeKind.Refused));
        Assert.Equal("admin@northshire.example is the authority's last administrator: make someone else an administrator first, or no one could manage people.", last.Message);
        var role = await AsAdminAsync(s => s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(admin.Id, Roles: [new RoleGrant(Role.Auditor)])).Fails(OutcomeKind.Refused));
        Assert.Equal(last.Message, role.Message);

        Assert.False((await AccountAsync(admin.Email)).IsDisabled);
        Assert.Equal([Role.Administrator], (await AccountAsync(admin.Email)).Grants.Select(g => g.Role));
    }

    [Fact]
    public async Task AResetLink_WorksOnce_SetsAPasswordOfTheMinimumLength_AndNeitherSecretIsAudited()
    {
        var person = await AddBudgetHolderAsync($"reset.{Tag}@northshire.example", "F-OP");
        var now = await AsAdminAsync(s => Task.FromResult(s.GetRequiredService<TimeProvider>().GetUtcNow()));
        var issued = await AsAdminAsync(s => s.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(person.Id)).Ok());
        Assert.Equal(64, issued.Secret.Length);
        Assert.Equal(now.AddHours(72), issued.ExpiresAt);
        var stored = await AccountAsync(person.Email);
        Assert.NotEqual(issued.Secret, stored.PasswordResetHash);

        await using (var scope = database.Scope())
        {
            var reset = scope.ServiceProvider.GetRequiredService<ResetPassword>();
            var tooShort = await reset.HandleAsync(new ResetPasswordRequest(issued.Secret, "short", "short")).Fails(OutcomeKind.Invalid);
            Assert.Equal("newPassword: must be at least 12 characters.", tooShort.Message);
        }
        await using (var scope = database.Scope())
        {
            var mismatch = await scope.ServiceProvider.GetRequiredService<ResetPassword>()
                .HandleAsync(new ResetPasswordRequest(issued.Secret, "a-long-new-password", "a-different-one")).Fails(OutcomeKind.Invalid);
            Assert.Equal("confirmPassword: does not match the new password.", mismatch.Message);
        }
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ResetPassword>().HandleAsync(new ResetPasswordRequest(issued.Secret, "a-long-new-password", "a-long-new-password")).Ok();
        }
        await using (var scope = database.Scope())
        {
            var twice = await scope.ServiceProvider.GetRequiredService<ResetPassword>()
                .HandleAsync(new ResetPasswordRequest(issued.Secret, "another-long-password", "another-long-password")).Fails(OutcomeKind.Refused);
            Assert.Equal(ResetPassword.Unusable, twice.Message);
        }
        var account = await AccountAsync(person.Email);
        Assert.NotNull(account.PasswordHash);
        Assert.Null(account.PasswordResetHash);
        var audit = await AuditOfAsync(person.Id);
        Assert.Equal(["user.create", "user.reset-link", "user.password-set-by-link"], audit.Select(a => a.Action));
        foreach (var entry in audit)
        {
            Assert.DoesNotContain(issued.Secret, entry.After ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(stored.PasswordResetHash!, entry.After ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("a-long-new-password", entry.After ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(person.Id.ToString(CultureInfo.InvariantCulture), audit[2].ActorId);
    }

    [Fact]
    public async Task AResetLink_Expires_AndANewerOneReplacesIt()
    {
        var person = await AddBudgetHolderAsync($"expiring.{Tag}@northshire.example", "F-OP");
        var first = await AsAdminAsync(s => s.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(person.Id)).Ok());
        var second = await AsAdminAsync(s => s.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(person.Id)).Ok());
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ResetPassword>()
                .HandleAsync(new ResetPasswordRequest(first.Secret, "a-long-new-password", "a-long-new-password")).Fails(OutcomeKind.Refused);
        }
        await using (var scope = database.Scope())
        {
            var clock = (FakeTimeProvider)scope.ServiceProvider.GetRequiredService<TimeProvider>();
            // The fixture's clock only goes forward; the suite's other tests read it, never a fixed date.
            clock.Advance(TimeSpan.FromHours(73));
            var expired = await scope.ServiceProvider.GetRequiredService<ResetPassword>()
                .HandleAsync(new ResetPasswordRequest(second.Secret, "a-long-new-password", "a-long-new-password")).Fails(OutcomeKind.Refused);
            Assert.Equal(ResetPassword.Unusable, expired.Message);
        }
        Assert.Null((await AccountAsync(person.Email)).PasswordHash);
    }

    [Fact]
    public async Task APerson_ChangesTheirOwnPassword_GivingTheCurrentOne()
    {
        var email = $"own.password.{Tag}@northshire.example";
        await AsAdminAsync(s => s.GetRequiredService<AddUser>().HandleAsync(new AddUserRequest(email, "Own Password", Role.Auditor, Password: "the-first-password")).Ok());
        var account = await AccountAsync(email);
        var me = account.Id.ToString(CultureInfo.InvariantCulture);

        await using (var scope = await database.ScopeForAsync(County, new RoleGrant(Role.Auditor), "Own Password", me))
        {
            // The test's actor comes through "test"; a person signed in comes through "web".
            var notAPerson = await scope.ServiceProvider.GetRequiredService<ChangeOwnPassword>()
                .HandleAsync(new ChangeOwnPasswordRequest("the-first-password", "the-second-password", "the-second-password")).Fails(OutcomeKind.Forbidden);
            Assert.EndsWith("has no password of their own to change.", notAPerson.Message, StringComparison.Ordinal);
        }
        await using (var scope = database.Scope())
        {
            var tenant = (await scope.ServiceProvider.GetRequiredService<Tenancy.ResolveTenant>().HandleAsync(new Tenancy.ResolveTenantRequest(County))).Value;
            scope.ServiceProvider.GetRequiredService<Tenancy.TenantContext>().Set(tenant, new Actor(me, "Own Password", tenant.AuthorityId, account.Grants, "web"));
            var change = scope.ServiceProvider.GetRequiredService<ChangeOwnPassword>();
            var wrong = await change.HandleAsync(new ChangeOwnPasswordRequest("a-wrong-password", "the-second-password", "the-second-password")).Fails(OutcomeKind.Invalid);
            Assert.Equal("currentPassword: is not your current password.", wrong.Message);
            await change.HandleAsync(new ChangeOwnPasswordRequest("the-first-password", "the-second-password", "the-second-password")).Ok();
        }
        var changed = await AccountAsync(email);
        Assert.NotEqual(account.PasswordHash, changed.PasswordHash);
        Assert.NotEqual(account.SecurityStamp, changed.SecurityStamp);
    }

    [Theory]
    [InlineData(Role.FinanceOfficer)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.BudgetHolder)]
    public async Task OnlyAdministrators_ManagePeople(Role role)
    {
        var target = await AccountAsync("auditor@northshire.example");
        var grant = role == Role.BudgetHolder ? new RoleGrant(role, await database.IdOfAsync<CostCentre>(County, "F-OP")) : new RoleGrant(role);
        await using var scope = await database.ScopeForAsync(County, grant, $"Test {role}");
        var s = scope.ServiceProvider;
        await s.GetRequiredService<ListUsers>().HandleAsync(new ListUsersRequest()).Fails(OutcomeKind.Forbidden);
        await s.GetRequiredService<GetUser>().HandleAsync(new GetUserRequest(target.Id)).Fails(OutcomeKind.Forbidden);
        await s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(target.Id, Name: "Hijacked")).Fails(OutcomeKind.Forbidden);
        await s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(target.Id)).Fails(OutcomeKind.Forbidden);
        await s.GetRequiredService<EnableUser>().HandleAsync(new EnableUserRequest(target.Id)).Fails(OutcomeKind.Forbidden);
        await s.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(target.Id)).Fails(OutcomeKind.Forbidden);
        await s.GetRequiredService<ImportUsers>().HandleAsync(new ImportUsersRequest("p.csv", "email,name,role,scope_code\nx@y.example,X,auditor,\n"u8.ToArray(), Preview: false)).Fails(OutcomeKind.Forbidden);
        Assert.Equal("Sam Patel", (await AccountAsync(target.Email)).DisplayName);
    }

    [Fact]
    public async Task AnotherAuthoritysAccount_IsNotFound()
    {
        var theirs = await AccountAsync("auditor@westvale.example");
        await AsAdminAsync(s => s.GetRequiredService<GetUser>().HandleAsync(new GetUserRequest(theirs.Id)).Fails(OutcomeKind.NotFound));
        await AsAdminAsync(s => s.GetRequiredService<DisableUser>().HandleAsync(new DisableUserRequest(theirs.Id)).Fails(OutcomeKind.NotFound));
        await AsAdminAsync(s => s.GetRequiredService<ChangeUser>().HandleAsync(new ChangeUserRequest(theirs.Id, Name: "Stolen")).Fails(OutcomeKind.NotFound));
        await AsAdminAsync(s => s.GetRequiredService<IssuePasswordResetLink>().HandleAsync(new IssuePasswordResetLinkRequest(theirs.Id)).Fails(OutcomeKind.NotFound));
        Assert.False((await AccountAsync(theirs.Email)).IsDisabled);
    }

    private Task<Outcome<UsersImported>> ImportAsync(string csv, bool preview, ImportEncoding encoding = ImportEncoding.Utf8, byte[]? bytes = null) =>
        AsAdminAsync(s => s.GetRequiredService<ImportUsers>().HandleAsync(new ImportUsersRequest("people.csv", bytes ?? Encoding.UTF8.GetBytes(csv), preview, encoding)));

    [Fact]
    public async Task AnImport_PreviewsFirst_ThenAddsEveryoneAtOnce()
    {
        var csv = $"email,name,role,scope_code\nimp.a.{Tag}@northshire.example,Ada Import,budget-holder,F-OP\nimp.a.{Tag}@northshire.example,Ada Import,BudgetHolder,F-LIB\n"
            + $"imp.b.{Tag}@northshire.example,Ben Import,provider-staff,S-LEG\nimp.c.{Tag}@northshire.example,Cy Import,finance-officer,\n";

        var preview = (await ImportAsync(csv, preview: true)).Value;
        Assert.False(preview.Applied);
        Assert.Equal("The file would add 3 accounts; nothing has been changed yet.", preview.Message);
        Assert.Equal([2, 4, 5], preview.People.Select(p => p.Line));
        Assert.Equal(2, preview.People[0].Roles.Count);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            db.SystemAccess = true;
            Assert.False(await db.UserAccounts.AnyAsync(u => u.Email.StartsWith("imp.")));
        }

        var applied = (await ImportAsync(csv, preview: false)).Value;
        Assert.True(applied.Applied);
        Assert.Equal("Added 3 accounts.", applied.Message);
        var ada = await AccountAsync($"imp.a.{Tag}@northshire.example");
        Assert.Equal(2, ada.Roles.Count);
        Assert.Null(ada.PasswordHash);
        Assert.Equal(["user.create"], (await AuditOfAsync(ada.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task AnImportWithBadRows_AddsNoOne_AndNamesEachRowFieldAndReason()
    {
        var csv = "email,name,role,scope_code\n"
            + $"good.{Tag}@northshire.example,Good Row,auditor,\n"
            + "not-an-email,Someone,auditor,\n"
            + $"x.{Tag}@northshire.example,X,wizard,\n"
            + $"y.{Tag}@northshire.example,Y,budget-holder,NOPE\n"
            + $"z.{Tag}@northshire.example,Z,provider-manager,F-OP\n"
            + $"w.{Tag}@northshire.example,W,auditor,F-OP\n"
            + "admin@northshire.example,Alex,auditor,\n"
            + $"good.{Tag}@northshire.example,Good Row,auditor,\n"
            + $"good.{Tag}@northshire.example,Other Name,finance-officer,\n";

        var outcome = await ImportAsync(csv, preview: false).Fails(OutcomeKind.Invalid);

        Assert.Equal([
            "line 3, email 'not-an-email': 'not-an-email' is not an email address.",
            "line 4, role 'wizard': is not a role; use one of budget-holder, provider-manager, provider-staff, finance-officer, value-for-money-panel, auditor, supplier, administrator.",
            "line 5, scope_code 'NOPE': is not one of this authority's cost centres.",
            "line 6, scope_code 'F-OP': is not a support service, so it has no provider.",
            "line 7, scope_code 'F-OP': must be empty: a auditor is not limited to a cost centre or supplier.",
            "line 8, email 'admin@northshire.example': already has a FairShare account; change it on its page instead.",
            "line 9 repeats line 2: the same person and role twice.",
            $"line 10, name 'Other Name': differs from line 2, which names good.{Tag}@northshire.example 'Good Row'.",
        ], outcome.Problems());
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        Assert.False(await db.UserAccounts.AnyAsync(u => u.Email == $"good.{Tag}@northshire.example"));
    }

    [Fact]
    public async Task AnImport_ReadsWindows1252_AndRefusesEmptyHeaderOnlyAndWrongHeaderFiles()
    {
        var latin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes($"email,name,role,scope_code\nrenee.{Tag}@northshire.example,Renée Dupré,auditor,\n");
        var utf8Refused = await ImportAsync("", preview: true, bytes: latin).Fails(OutcomeKind.Invalid);
        Assert.StartsWith("file: Line 2 is not UTF-8 text", utf8Refused.Message, StringComparison.Ordinal);
        var read = (await ImportAsync("", preview: true, ImportEncoding.Windows1252, latin)).Value;
        Assert.Equal("Renée Dupré", Assert.Single(read.People).Name);

        Assert.Equal("file: The file is empty.", (await ImportAsync("", preview: true).Fails(OutcomeKind.Invalid)).Message);
        Assert.Equal("file: The file has a header but no rows: there is no one to import.",
            (await ImportAsync("email,name,role,scope_code\n", preview: true).Fails(OutcomeKind.Invalid)).Message);
        Assert.Equal("file: The header is 'email,name'; it must be email,name,role,scope_code.",
            (await ImportAsync("email,name\na@b.example,A\n", preview: true).Fails(OutcomeKind.Invalid)).Message);
    }
}

public sealed class PeopleOnSqlite(SqliteDatabase database) : PeopleSuite<SqliteDatabase>(database);

public sealed class PeopleOnPostgres(PostgresDatabase database) : PeopleSuite<PostgresDatabase>(database);
