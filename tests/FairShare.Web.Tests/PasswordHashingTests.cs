using System.Buffers.Binary;
using System.Net;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;
using FairShare.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FairShare.Web.Tests;

/// <summary>
/// Local passwords are hashed at the iterations ASVS 5.0 asks for, an older hash is rewritten at the next sign-in,
/// and a sign-in through the identity provider that finds no account lands on the sign-in page saying why.
/// </summary>
public sealed class PasswordHashingTests : IAsyncLifetime
{
    private OwnApp _app = null!;

    public async Task InitializeAsync() => _app = await OwnApp.StartAsync([]);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The iteration count written in an Identity version 3 hash (format byte, PRF, iterations, salt length, salt, key).</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private async Task<string> HashOfAsync(string email)
    {
        await using var scope = _app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        return await db.AsSystemAsync(async () =>
            (await db.UserAccounts.AsNoTracking().SingleAsync(u => u.NormalizedEmail == UserAccount.Normalise(email))).PasswordHash!);
    }

    [Fact]
    public async Task DemoAccounts_AndTheHasherTheAppUses_Hash_At210000Iterations()
    {
        Assert.Equal(210_000, IterationsOf(await HashOfAsync("admin@northshire.example")));
        var hasher = _app.App.Services.GetRequiredService<IPasswordHasher<UserAccount>>();
        Assert.Equal(210_000, IterationsOf(hasher.HashPassword(null!, "a-new-password-123")));
        Assert.Equal(210_000, IterationsOf(Passwords.NewHasher().HashPassword(null!, "a-new-password-123")));
    }

    [Fact]
    public async Task AHashMadeWithIdentitysOldDefault_StillSignsIn_AndIsRewrittenAt210000()
    {
        const string email = "auditor@northshire.example";
        var old = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await using (var scope = _app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            await db.AsSystemAsync(async () =>
            {
                var account = await db.UserAccounts.SingleAsync(u => u.NormalizedEmail == UserAccount.Normalise(email));
                account.PasswordHash = old.HashPassword(account, Features.Demo.DemoCatalogue.DemoPassword);
                return await db.SaveChangesAsync();
            });
        }
        Assert.Equal(100_000, IterationsOf(await HashOfAsync(email)));

        using var browser = _app.Browser();
        using var response = await SignInForm.PostAsync(browser, email, Features.Demo.DemoCatalogue.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(210_000, IterationsOf(await HashOfAsync(email)));
    }

    [Fact]
    public async Task AnIdentityProviderSignInWithNoAccount_RedirectsToTheSignInPage_ThatSaysWhatToDo()
    {
        var http = new DefaultHttpContext { RequestServices = _app.App.Services };
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new RemoteFailureContext(http, scheme, new OpenIdConnectOptions(), new AuthenticationFailureException(ExternalSignIn.NoAccount));

        await ExternalSignIn.RefusedAsync(context);

        Assert.True(context.Result?.Handled);
        Assert.Equal($"/sign-in?{ExternalSignIn.RefusedQuery}", http.Response.Headers.Location.ToString());

        using var browser = _app.Browser();
        var page = await browser.GetStringAsync(new Uri($"/sign-in?{ExternalSignIn.RefusedQuery}", UriKind.Relative));
        Assert.Contains("<title>Error: Sign in", page, StringComparison.Ordinal);
        Assert.Contains("did not match a FairShare account. Ask your FairShare administrator", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#external\"", page, StringComparison.Ordinal);
    }
}
