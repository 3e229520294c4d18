using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Web.Tests;

/// <summary>People through the API and the pages: add, change, disable (the session ends at once), reset links, own password, import.</summary>
public sealed partial class PeopleTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private const string Password = "a-long-enough-password";

    private static HttpClient Browser(Uri address) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };

    private async Task<int> IdOfAsync(string code)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        return await db.AsSystemAsync(() => db.CostCentres.Where(c => c.Authority.Code == "NCC" && c.Code == code).Select(c => c.Id).SingleAsync());
    }

    private async Task<UserAccount> AccountAsync(string email)
    {
        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        return await db.AsSystemAsync(() => db.UserAccounts.AsNoTracking().SingleAsync(u => u.NormalizedEmail == UserAccount.Normalise(email)));
    }

    private async Task<int> AddAsync(string email, string? password = Password)
    {
        var olderPeople = await IdOfAsync("F-OP");
        var libraries = await IdOfAsync("F-LIB");
        using var response = await web.Client.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new
        {
            email,
            name = "Api Person",
            role = "budget-holder",
            costCentreId = olderPeople,
            password,
            moreRoles = new[] { new { role = "budget-holder", costCentreId = libraries } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<HttpStatusCode> HomeAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(new Uri("/", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task Api_AddsABudgetHolderOfTwoCostCentres_ChangesThem_AndListsThem()
    {
        var id = await AddAsync("api.person@northshire.example");

        var listed = await web.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/users", UriKind.Relative));
        var person = listed.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(["F-LIB", "F-OP"], person.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("scopeCode").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Active", person.GetProperty("state").GetString());

        using var put = await web.Client.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { name = "Api Person Renamed", roles = new[] { new { role = "auditor" } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var changed = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Api Person Renamed", changed.GetProperty("name").GetString());
        Assert.Equal("auditor", changed.GetProperty("roles")[0].GetProperty("role").GetString());

        using var bad = await web.Client.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { roles = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("an account needs at least one role.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledAccountsCookie_IsRefusedOnItsNextRequest_AndItsSignInIsAnsweredAsAWrongPassword()
    {
        var id = await AddAsync("leaving.soon@northshire.example");
        using var browser = Browser(web.BaseAddress);
        using (var signedIn = await SignInForm.PostAsync(browser, "leaving.soon@northshire.example", Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(browser));
        Assert.NotNull((await AccountAsync("leaving.soon@northshire.example")).LastSignInAt);

        using (var disabled = await web.Client.PostAsync(new Uri($"/api/users/{id}/disable", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }

        using (var next = await browser.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.StartsWith("/sign-in", next.Headers.Location!.OriginalString.Replace(web.BaseAddress.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        using var again = await SignInForm.PostAsync(Browser(web.BaseAddress), "leaving.soon@northshire.example", Password);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("The email address or password is wrong", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var twice = await web.Client.PostAsync(new Uri($"/api/users/{id}/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var enabled = await web.Client.PostAsync(new Uri($"/api/users/{id}/enable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeDisabled_OnAnyDoor()
    {
        var admin = await AccountAsync("admin@northshire.example");
        using var api = await web.Client.PostAsync(new Uri($"/api/users/{admin.Id}/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("last administrator", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var browser = await web.SignedInAsync("admin@northshire.example");
        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, $"/admin/users/{admin.Id}/disable");
        using var page = await browser.PostAsync(new Uri($"/admin/users/{admin.Id}/disable", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("You cannot disable your own account: ask another administrator.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await AccountAsync(admin.Email)).IsDisabled);
    }

    [Fact]
    public async Task AResetLink_IsShownOnce_SaysNoEmailIsSent_AndSetsAPasswordOnce()
    {
        var id = await AddAsync("reset.me@northshire.example", password: null);
        using var admin = await web.SignedInAsync("admin@northshire.example");
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, $"/admin/users/{id}");
        using var made = await admin.PostAsync(new Uri($"/admin/users/{id}?handler=ResetLink", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = await made.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Contains("No email is sent: give this link to the person yourself.", html, StringComparison.Ordinal);
        Assert.True(made.Headers.CacheControl?.NoStore);
        var link = ResetLink().Match(html).Groups[1].Value;
        Assert.NotEmpty(link);
        var shownAgain = await admin.GetStringAsync(new Uri($"/admin/users/{id}", UriKind.Relative));
        Assert.DoesNotContain(link, shownAgain, StringComparison.Ordinal);

        using var person = Browser(web.BaseAddress);
        var path = new Uri(link).PathAndQuery;
        var formToken = await WebAppFixture.AntiforgeryTokenAsync(person, path);
        var secret = path.Split("token=")[1];
        Dictionary<string, string> Form() => new() { ["Token"] = secret, ["NewPassword"] = "my-very-own-password", ["ConfirmPassword"] = "my-very-own-password", ["__RequestVerificationToken"] = formToken };
        using (var set = await person.PostAsync(new Uri("/reset-password", UriKind.Relative), new FormUrlEncodedContent(Form())))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Contains("Password set", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var reused = await person.PostAsync(new Uri("/reset-password", UriKind.Relative), new FormUrlEncodedContent(Form())))
        {
            Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
            Assert.Contains("This link has expired or has already been used.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var signedIn = await SignInForm.PostAsync(Browser(web.BaseAddress), "reset.me@northshire.example", "my-very-own-password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var viaApi = await web.Client.PostAsync(new Uri($"/api/users/{id}/reset-link", UriKind.Relative), null);
        var issued = await viaApi.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/reset-password?token=", issued.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal("No email is sent: give this link to the person yourself.", issued.GetProperty("note").GetString());
    }

    [GeneratedRegex("id=\"reset-link\">([^<]+)<")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task APersonSignedIn_ChangesTheirOwnPassword_AndStaysSignedIn()
    {
        await AddAsync("own.change@northshire.example");
        using var browser = Browser(web.BaseAddress);
        (await SignInForm.PostAsync(browser, "own.change@northshire.example", Password)).Dispose();
        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/account/password");
        Dictionary<string, string> Form(string current) => new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = "a-brand-new-password",
            ["ConfirmPassword"] = "a-brand-new-password",
            ["__RequestVerificationToken"] = token,
        };
        using (var wrong = await browser.PostAsync(new Uri("/account/password", UriKind.Relative), new FormUrlEncodedContent(Form("not-my-password"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("<a href=\"#CurrentPassword\">is not your current password.</a>", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var changed = await browser.PostAsync(new Uri("/account/password", UriKind.Relative), new FormUrlEncodedContent(Form(Password))))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(browser));
        using var signedIn = await SignInForm.PostAsync(Browser(web.BaseAddress), "own.change@northshire.example", "a-brand-new-password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Api_ImportsPeople_PreviewFirst_ThenAllOrNothing()
    {
        const string csv = "email,name,role,scope_code\napi.import@northshire.example,Imported Person,budget-holder,F-OP\n";
        using var preview = await web.Client.PostAsync(new Uri("/api/users/import?preview=true", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False((await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetBoolean());

        using var bad = await web.Client.PostAsync(new Uri("/api/users/import?preview=false", UriKind.Relative),
            new StringContent(csv + "broken,Nobody,auditor,\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 3, email", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var applied = await web.Client.PostAsync(new Uri("/api/users/import?preview=false", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("Imported Person", (await AccountAsync("api.import@northshire.example")).DisplayName);
    }

    [Fact]
    public async Task OnlyAdministrators_ReachPeople()
    {
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        using var api = await finance.GetAsync(new Uri("/api/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using var browser = await web.SignedInAsync("finance.officer@northshire.example");
        using var page = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("href=\"/admin/users\"", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ListPeople_AddABudgetHolderOfTwoCostCentres_AndShowErrorsInline()
    {
        using var admin = await web.SignedInAsync("admin@northshire.example");
        var list = await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Contains("Budget holder: F-OP Older People", list, StringComparison.Ordinal);
        Assert.Contains("Last signed in", list, StringComparison.Ordinal);

        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/admin/users/add");
        using var invalid = await admin.PostAsync(new Uri("/admin/users/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "nope",
            ["Name"] = "",
            ["Role"] = "budget-holder",
            ["CostCentres"] = "F-OP, NOPE",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: ", errors, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#CostCentres\">&#x27;NOPE&#x27; is not one of this authority&#x27;s cost centres.</a>", errors, StringComparison.Ordinal);

        using var added = await admin.PostAsync(new Uri("/admin/users/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "page.person@northshire.example",
            ["Name"] = "Page Person",
            ["Role"] = "budget-holder",
            ["CostCentres"] = "F-OP, F-LIB",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var detail = await admin.GetStringAsync(added.Headers.Location);
        Assert.Contains("F-OP Older People", detail, StringComparison.Ordinal);
        Assert.Contains("F-LIB Libraries", detail, StringComparison.Ordinal);
        Assert.Contains("Not linked", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountLinkedToTheIdentityProvider_ShowsTheLink_AndCanBeUnlinked()
    {
        var id = await AddAsync("linked.person@northshire.example", password: null);
        await using (var scope = web.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
            await db.AsSystemAsync(() => db.UserAccounts.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ExternalSubject, "idp-subject-42")));
        }
        using var admin = await web.SignedInAsync("admin@northshire.example");
        var detail = await admin.GetStringAsync(new Uri($"/admin/users/{id}", UriKind.Relative));
        Assert.Contains("idp-subject-42", detail, StringComparison.Ordinal);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, $"/admin/users/{id}");
        using var unlinked = await admin.PostAsync(new Uri($"/admin/users/{id}?handler=Unlink", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Null((await AccountAsync("linked.person@northshire.example")).ExternalSubject);
    }
}
