using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FairShare.Domain.Access;

namespace FairShare.Web.Tests;

/// <summary>The organisation import through the API and the pages: a preview that changes nothing, then apply; a mapping; closing a cost centre with confirmation.</summary>
public class OrganisationImportTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task TheApi_PreviewsThenApplies_ThroughASavedMapping_AndNamesBadRows()
    {
        using var finance = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        using (var saved = await finance.PutAsJsonAsync(new Uri("/api/organisation/mappings/api-ledger", UriKind.Relative),
            new { kind = "cost-centres", columns = "CC=code;CC Name=name;Type=kind;Dir=directorate", dateFormat = "dd/MM/yyyy" }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        const string File = "CC,CC Name,Type,Dir\nAPI-1,Api Centre One,Frontline,ASC\nAPI-2,Api Centre Two,Support,RES\n";
        using (var preview = await finance.PostAsync(new Uri("/api/organisation/import?mapping=api-ledger&fileName=ledger.csv", UriKind.Relative), Csv(File)))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var body = await BodyAsync(preview);
            Assert.Equal((2, false), (body.GetProperty("added").GetInt32(), body.GetProperty("applied").GetBoolean()));
        }
        var list = await BodyAsync(await finance.GetAsync(new Uri("/api/organisation/cost-centres", UriKind.Relative)));
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("code").GetString() == "API-1");
        using (var applied = await finance.PostAsync(new Uri("/api/organisation/import?mapping=api-ledger&preview=false", UriKind.Relative), Csv(File)))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            Assert.True((await BodyAsync(applied)).GetProperty("applied").GetBoolean());
        }
        list = await BodyAsync(await finance.GetAsync(new Uri("/api/organisation/cost-centres", UriKind.Relative)));
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("code").GetString() == "API-1");

        using (var bad = await finance.PostAsync(new Uri("/api/organisation/import?kind=cost-centres&preview=false", UriKind.Relative),
            Csv("code,name,kind,directorate\nAPI-3,Three,frontline,NOPE\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await BodyAsync(bad)).GetProperty("errors").TryGetProperty("line 2, directorate", out _));
        }
        using (var closed = await finance.PostAsJsonAsync(new Uri("/api/cost-centres/API-2/close", UriKind.Relative), new { from = "2027-04-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }
        using var auditor = await web.ApiClientAsync("NCC", Role.Auditor);
        using var forbidden = await auditor.PostAsync(new Uri("/api/organisation/import?kind=cost-centres", UriKind.Relative), Csv(File));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task ThePages_UploadCheckConfirm_ThenShowThePanel_AndCloseACostCentreOnlyAfterConfirming()
    {
        using var page = await web.SignedInAsync("finance.officer@northshire.example");
        var home = await page.GetStringAsync(new Uri("/organisation", UriKind.Relative));
        Assert.Contains("href=\"/organisation/import\"", home, StringComparison.Ordinal);

        var token = await WebAppFixture.AntiforgeryTokenAsync(page, "/organisation/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("cost-centres"), "Kind" },
            { new StringContent("utf-8"), "Encoding" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("code,name,kind,directorate\nPG-1,Page Centre,frontline,ASC\n")), "Upload", "centres.csv" },
        };
        using var preview = await page.PostAsync(new Uri("/organisation/import", UriKind.Relative), upload);
        var check = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Check what this import will do", check, StringComparison.Ordinal);
        Assert.Contains("new frontline cost centre in ASC", check, StringComparison.Ordinal);
        var content = System.Text.RegularExpressions.Regex.Match(check, "name=\"FileContent\" value=\"([^\"]+)\"").Groups[1].Value;

        token = await WebAppFixture.AntiforgeryTokenAsync(page, "/organisation/import");
        using var confirm = await page.PostAsync(new Uri("/organisation/import?handler=Apply", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Kind"] = "cost-centres",
            ["Encoding"] = "utf-8",
            ["FileName"] = "centres.csv",
            ["FileContent"] = content,
        }));
        var done = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("govuk-panel--confirmation", done, StringComparison.Ordinal);
        Assert.Contains("Imported centres.csv: added 1", done, StringComparison.Ordinal);

        token = await WebAppFixture.AntiforgeryTokenAsync(page, "/organisation/import");
        using var empty = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("cost-centres"), "Kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("code,name,kind,directorate\nPG-2,Two,frontline,NOPE\n")), "Upload", "bad.csv" },
        };
        using var refused = await page.PostAsync(new Uri("/organisation/import", UriKind.Relative), empty);
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("govuk-error-summary", errors, StringComparison.Ordinal);
        Assert.Contains("Line 2, directorate: &#x27;NOPE&#x27;: is not one of this authority&#x27;s directorates", errors, StringComparison.Ordinal);

        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);
        var centres = await BodyAsync(await api.GetAsync(new Uri("/api/organisation/cost-centres", UriKind.Relative)));
        var id = centres.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "PG-1").GetProperty("id").GetInt32();
        var detail = $"/cost-centres/{id}";
        Assert.Contains("Close cost centre", await page.GetStringAsync(new Uri(detail, UriKind.Relative)), StringComparison.Ordinal);
        token = await WebAppFixture.AntiforgeryTokenAsync(page, detail);
        using var ask = await page.PostAsync(new Uri($"{detail}?handler=Close", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["CloseFrom"] = "2027-04-01" }));
        var question = await ask.Content.ReadAsStringAsync();
        Assert.Contains("Yes, close it", question, StringComparison.Ordinal);
        Assert.Contains("Open", question, StringComparison.Ordinal);
        token = await WebAppFixture.AntiforgeryTokenAsync(page, detail);
        using var closed = await page.PostAsync(new Uri($"{detail}?handler=ConfirmClose", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["CloseFrom"] = "2027-04-01" }));
        var after = await closed.Content.ReadAsStringAsync();
        Assert.Contains("PG-1 Page Centre is closed from 2027-04-01", after, StringComparison.Ordinal);
        Assert.Contains("From 1 April 2027", after, StringComparison.Ordinal);
    }
}
