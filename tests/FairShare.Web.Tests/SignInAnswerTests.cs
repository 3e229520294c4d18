using System.Net;
using System.Text.RegularExpressions;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>The real password hasher, counting how often it checks a password.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<UserAccount>
{
    private readonly PasswordHasher<UserAccount> _real = Features.Access.Passwords.NewHasher();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public void Reset() => Interlocked.Exchange(ref _verifications, 0);

    public string HashPassword(UserAccount user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// The sign-in form answers an unknown email, a wrong password and a locked account's wrong password alike, by
/// the same path (one password check each), so neither its words nor its time say which accounts exist.
/// </summary>
public sealed partial class SignInAnswerTests : IAsyncLifetime
{
    private readonly CountingPasswordHasher _hasher = new();
    private OwnApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await OwnApp.StartAsync([], builder => builder.Services.AddSingleton<IPasswordHasher<UserAccount>>(_hasher));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Page, int Checks)> AnswerAsync(string email, string password)
    {
        using var browser = _app.Browser();
        _ = await WebAppFixture.AntiforgeryTokenAsync(browser, "/sign-in");
        _hasher.Reset();
        using var response = await SignInForm.PostAsync(browser, email, password);
        var checks = _hasher.Verifications;
        // What differs between any two answers by design: the email typed (kept in the field), the tokens and the nonce.
        var page = Volatile().Replace((await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL", StringComparison.Ordinal), "…");
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("fairshare=", StringComparison.Ordinal)));
        return (response.StatusCode, page, checks);
    }

    [GeneratedRegex("(value|nonce)=\"[^\"]*\"")]
    private static partial Regex Volatile();

    private async Task LockAsync(string email)
    {
        await using var scope = _app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        await db.AsSystemAsync(async () =>
        {
            var account = await db.UserAccounts.SingleAsync(u => u.NormalizedEmail == UserAccount.Normalise(email));
            account.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task AnUnknownEmail_IsCheckedAgainstAPassword_AsARealAccountIs()
    {
        var unknown = await AnswerAsync("no.such.person@northshire.example", "a-guessed-password");
        var wrong = await AnswerAsync("admin@northshire.example", "a-guessed-password");
        Assert.Equal(1, wrong.Checks);
        Assert.Equal(1, unknown.Checks);
    }

    [Fact]
    public async Task UnknownEmail_WrongPassword_AndLockedAccount_GetTheSameAnswer()
    {
        await LockAsync("auditor@westvale.example");
        var unknown = await AnswerAsync("no.such.person@westvale.example", "a-guessed-password");
        var wrong = await AnswerAsync("admin@westvale.example", "a-guessed-password");
        var locked = await AnswerAsync("auditor@westvale.example", "a-guessed-password");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("The email address or password is wrong", unknown.Page, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
    }

    [Fact]
    public async Task ALockedAccount_WithItsRightPassword_IsToldToAskItsAdministrator_AndNotSignedIn()
    {
        await LockAsync("provider.staff@westvale.example");
        var answer = await AnswerAsync("provider.staff@westvale.example", Features.Demo.DemoCatalogue.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("This account cannot sign in at the moment. Ask your FairShare administrator.", answer.Page, StringComparison.Ordinal);
    }
}
