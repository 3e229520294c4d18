using System.Net;
using System.Text;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Imports;
using FairShare.Features.Recharge;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace FairShare.Web.Tests;

/// <summary>
/// Text a person typed into an import (a description, a job reference, a record id) reaches every export: the GL
/// journal (page and API), the buyer's statement (CSV and Excel) and the audit log (file names). In none of them may a cell
/// start as a spreadsheet formula would (= + - @, tab, carriage return), unless it is a number.
/// </summary>
public sealed class FormulaInjectionTests(WebAppFixture web) : IClassFixture<WebAppFixture>
{
    private static readonly string[] Payloads = ["=HYPERLINK(\"http://evil.example\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1+1"];

    [Fact]
    public async Task EveryExport_CarriesImportedFormulasAsText_NeverAsFormulas()
    {
        int buyer;
        await using (var scope = web.App.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var tenant = (await services.GetRequiredService<ResolveTenant>().HandleAsync(new ResolveTenantRequest("NCC"))).Value;
            services.GetRequiredService<TenantContext>().Set(tenant, new Actor("test", "Test finance", tenant.AuthorityId, [new RoleGrant(Role.FinanceOfficer)], "test"));
            var import = services.GetRequiredService<ImportFile>();
            var usage = new StringBuilder("recordId,date,buyer,offering,quantity,jobReference,recordedBy\n");
            var attributions = new StringBuilder("period,provider,buyer,amount,description\n");
            for (var i = 0; i < Payloads.Length; i++)
            {
                var quoted = "\"" + Payloads[i].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                usage.Append(CultureInfo($"{quoted},2026-12-0{i + 1},F-COR,PRT-COL,10,{quoted},{quoted}\n"));
                attributions.Append(CultureInfo($"2026-12,S-LEG,F-COR,{100 + i}.00,{quoted}\n"));
            }
            Assert.True((await import.HandleAsync(new ImportRequest(ImportKind.Usage, "=evil.csv", Encoding.UTF8.GetBytes(usage.ToString())))).IsOk);
            var attributed = await import.HandleAsync(new ImportRequest(ImportKind.Attributions, "@evil.csv", Encoding.UTF8.GetBytes(attributions.ToString())));
            Assert.True(attributed.IsOk, string.Join("; ", attributed.Errors));
            Assert.True((await services.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest("2026-12", false))).IsOk);
            buyer = await services.GetRequiredService<FairShareDbContext>().CostCentres.Where(c => c.Code == "F-COR" && c.AuthorityId == tenant.AuthorityId).Select(c => c.Id).SingleAsync();
        }
        using var officer = await web.SignedInAsync("finance.officer@northshire.example");
        using var auditor = await web.SignedInAsync("auditor@northshire.example");
        using var api = await web.ApiClientAsync("NCC", Role.FinanceOfficer);

        var exports = new List<(string Name, IReadOnlyList<string> Cells)>
        {
            ("journal page", CsvCells(await TextAsync(officer, "/recharge/journal?period=2026-12"))),
            ("journal API", CsvCells(await TextAsync(api, "/api/journal?period=2026-12"))),
            ("statement CSV", CsvCells(await TextAsync(officer, $"/statements/{buyer}?handler=Csv&period=2026-12"))),
            ("audit CSV", CsvCells(await TextAsync(auditor, "/audit?handler=Export"))),
            ("statement Excel", await XlsxCellsAsync(officer, $"/statements/{buyer}?handler=Xlsx&period=2026-12")),
        };
        foreach (var (name, cells) in exports)
        {
            var formulas = cells.Where(c => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal)
                && !decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
            Assert.True(formulas.Count == 0, $"{name} carries formulas: {string.Join(" | ", formulas)}");
        }
        // The payloads did reach the exports, as text: the test looks where they are. (The GL journal carries none of
        // them: its descriptions are FairShare's own words, which the test above checks all the same.)
        Assert.Contains(exports.Single(e => e.Name == "statement Excel").Cells, c => c.Contains("SUM(1+1)", StringComparison.Ordinal));
        Assert.Contains(exports.Single(e => e.Name == "statement CSV").Cells, c => c.Contains("SUM(1+1)", StringComparison.Ordinal));
        Assert.Contains(exports.Single(e => e.Name == "audit CSV").Cells, c => c.Contains("evil.csv", StringComparison.Ordinal));
    }

    private static string CultureInfo(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<IReadOnlyList<string>> XlsxCellsAsync(HttpClient client, string path)
    {
        using var stream = new MemoryStream(await client.GetByteArrayAsync(new Uri(path, UriKind.Relative)));
        return [.. stream.Query().Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).OfType<string>()];
    }

    /// <summary>Every cell of an RFC 4180 file, quotes removed.</summary>
    private static List<string> CsvCells(string csv)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
