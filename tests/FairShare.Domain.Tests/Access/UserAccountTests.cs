using FairShare.Domain.Access;

namespace FairShare.Domain.Tests.Access;

public class UserAccountTests
{
    private static readonly Authority Leeds = new("LDS", "Leeds City Council");
    private static readonly DateTimeOffset Now = new(2026, 6, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly byte[] Random32 = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void AUser_IsKnownByATrimmedEmail_AndCanBeLockedOut()
    {
        var user = new UserAccount(Leeds, " Sam.Jones@Leeds.gov.uk ", " Sam Jones ");

        Assert.Equal(("Sam.Jones@Leeds.gov.uk", "SAM.JONES@LEEDS.GOV.UK", "Sam Jones"), (user.Email, user.NormalizedEmail, user.DisplayName));
        Assert.True(user.LockoutEnabled);
        Assert.Equal(32, user.SecurityStamp.Length);
    }

    [Theory]
    [InlineData(" ", "Sam")]
    [InlineData("sam@leeds.gov.uk", "")]
    public void AUser_WithoutAnEmailOrName_IsAProgrammingError(string email, string name) =>
        Assert.Throws<ArgumentException>(() => new UserAccount(Leeds, email, name));

    [Fact]
    public void AUsersRoles_AreTheGrantsGivenToIt_InTheirAuthority()
    {
        var user = new UserAccount(Leeds, "sam@leeds.gov.uk", "Sam");

        var assignment = user.Grant(new RoleGrant(Role.BudgetHolder, 10));
        user.Grant(new RoleGrant(Role.Supplier, SupplierId: 3));

        Assert.Equal([new RoleGrant(Role.BudgetHolder, 10), new RoleGrant(Role.Supplier, null, 3)], user.Grants);
        Assert.Equal((Role.BudgetHolder, 10, (int?)null), (assignment.Role, assignment.CostCentreId, assignment.SupplierId));
        Assert.Same(user, assignment.User);
        Assert.Same(Leeds, assignment.Authority);
        Assert.Equal(2, user.Roles.Count);
    }

    [Fact]
    public void AToken_IsIssuedWithASecretShownOnce_AndKeepsOnlyItsHash()
    {
        var (token, secret) = ApiToken.Issue(7, " Time system ", new RoleGrant(Role.ProviderStaff, 5), Now, 30, "admin", Random32).Value;

        Assert.Equal("fs_000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", secret);
        Assert.Equal(ApiToken.HashOf(secret), token.Hash);
        Assert.Equal(64, token.Hash.Length);
        Assert.Equal(("Time system", "fs_0001020", 7, "admin"), (token.Name, token.Prefix, token.AuthorityId, token.CreatedBy));
        Assert.Equal(new RoleGrant(Role.ProviderStaff, 5), token.Grant);
        Assert.Equal((Now, Now.AddDays(30)), (token.CreatedAt, token.ExpiresAt));
    }

    [Theory]
    [InlineData("Ledger", 1, new string[0])]
    [InlineData("Ledger", 366, new string[0])]
    [InlineData("Ledger", 0, new[] { "validDays" })]
    [InlineData("Ledger", 367, new[] { "validDays" })]
    [InlineData(" ", 30, new[] { "name" })]
    [InlineData("", -1, new[] { "name", "validDays" })]
    public void AToken_NeedsANameAndLastsFromADayToAYear(string name, int days, string[] errors)
    {
        var result = ApiToken.Issue(7, name, new RoleGrant(Role.FinanceOfficer), Now, days, "admin", Random32);

        Assert.Equal(errors, result.Errors.Select(e => e.Field));
        Assert.Equal(errors.Length == 0, result.IsSuccess);
    }

    [Theory]
    [InlineData(31, true)]
    [InlineData(32, false)]
    [InlineData(64, false)]
    public void AToken_NeedsAtLeast32RandomBytes(int bytes, bool refused)
    {
        var random = new byte[bytes];

        var issued = Record.Exception(() => ApiToken.Issue(7, "Ledger", new RoleGrant(Role.FinanceOfficer), Now, 30, "admin", random));

        Assert.Equal(refused, issued is ArgumentException);
    }

    [Fact]
    public void AToken_IsActiveUntilItExpiresOrIsRevoked_AndIsRevokedOnce()
    {
        var token = ApiToken.Issue(7, "Ledger", new RoleGrant(Role.FinanceOfficer), Now, 30, "admin", Random32).Value.Token;

        Assert.True(token.IsActive(Now));
        Assert.True(token.IsActive(Now.AddDays(30).AddTicks(-1)));
        Assert.False(token.IsActive(Now.AddDays(30)));
        Assert.False(token.IsActive(Now.AddDays(31)));

        Assert.True(token.Revoke(Now.AddDays(1)).IsSuccess);
        Assert.Equal(Now.AddDays(1), token.RevokedAt);
        Assert.False(token.IsActive(Now.AddDays(2)));
        Assert.Equal("'Ledger' was already revoked on 2026-06-04 09:30.", Assert.Single(token.Revoke(Now.AddDays(3)).Errors).Message);
        Assert.Equal(Now.AddDays(1), token.RevokedAt);
    }

    [Fact]
    public void AnAuditEntry_RecordsWhoDidWhatThroughWhichDoor()
    {
        var actor = new Actor("u1", "Sam Jones", 7, [new RoleGrant(Role.Administrator)], "cli");

        var entry = new AuditEntry(actor, Now, "price.set", "Offering", "12", "£1.00", "£1.10");

        Assert.Equal((7, "u1", "Sam Jones", "cli", "price.set", "Offering", "12", "£1.00", "£1.10", Now),
            (entry.AuthorityId, entry.ActorId, entry.ActorName, entry.Via, entry.Action, entry.EntityType, entry.EntityId, entry.Before, entry.After, entry.At));
    }
}
