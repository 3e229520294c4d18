using System.Net;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>The sign-in form as a browser posts it, with the page's antiforgery token.</summary>
public static class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/sign-in");
        return await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The session cookie a response set, as a <c>Cookie</c> header would carry it.</summary>
    public static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fairshare=", StringComparison.Ordinal)).Split(';')[0];
}

/// <summary>A session ends on the server: a cookie kept from before sign-out, or from before the account changed, opens nothing.</summary>
public sealed class SessionTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private async Task<HttpStatusCode> HomeWithCookieAsync(string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> SignInAsync(string email)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        using var response = await SignInForm.PostAsync(browser, email, Features.Demo.DemoCatalogue.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SignInForm.SessionCookie(response);
    }

    private async Task ChangeAccountAsync(string email, Action<UserAccount, FairShareDbContext> change)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        await db.AsSystemAsync(async () =>
        {
            var account = await db.UserAccounts.Include(u => u.Roles).SingleAsync(u => u.NormalizedEmail == UserAccount.Normalise(email));
            change(account, db);
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task ACookieKeptFromBeforeSignOut_OpensNothingAfterIt()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        using var signIn = await SignInForm.PostAsync(browser, "auditor@northshire.example", Features.Demo.DemoCatalogue.DemoPassword);
        var kept = SignInForm.SessionCookie(signIn);
        Assert.Equal(HttpStatusCode.OK, await HomeWithCookieAsync(kept));

        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/");
        using var signOut = await browser.PostAsync(new Uri("/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await HomeWithCookieAsync(kept));
    }

    [Fact]
    public async Task SigningOut_EndsOnlyThatPersonsSessions()
    {
        var colleague = await SignInAsync("budget.holder@northshire.example");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        using (await SignInForm.PostAsync(browser, "provider.staff@northshire.example", Features.Demo.DemoCatalogue.DemoPassword))
        {
        }
        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/");
        using (await browser.PostAsync(new Uri("/sign-out", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
        {
        }
        Assert.Equal(HttpStatusCode.OK, await HomeWithCookieAsync(colleague));
    }

    public static TheoryData<string, string> AccountChanges => new()
    {
        { "disabled by an administrator", "provider.manager@northshire.example" },
        { "given a new password", "finance.officer@northshire.example" },
        { "given another role", "vfm.panel@northshire.example" },
        { "its role taken away", "supplier@brightline.example" },
    };

    [Theory]
    [MemberData(nameof(AccountChanges))]
    public async Task AnAccountChanged_ItsSessionsEnd_OnTheNextRequest(string change, string email)
    {
        var cookie = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, await HomeWithCookieAsync(cookie));

        // Changed straight in the database, as any door (or a future one that forgets the security stamp) might.
        await ChangeAccountAsync(email, (account, db) =>
        {
            switch (change)
            {
                case "disabled by an administrator":
                    account.LockoutEnd = DateTimeOffset.MaxValue;
                    break;
                case "given a new password":
                    account.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(account, "a-new-password-for-december");
                    break;
                case "given another role":
                    account.Grant(new RoleGrant(Role.Auditor));
                    break;
                default:
                    db.Remove(account.Roles[0]);
                    break;
            }
        });

        Assert.Equal(HttpStatusCode.Redirect, await HomeWithCookieAsync(cookie));
    }
}
