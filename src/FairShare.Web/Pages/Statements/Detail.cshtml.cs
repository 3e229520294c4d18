using FairShare.Features.Exports;
using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Statements;

public sealed class StatementModel(GetStatement getStatement, TimeProvider clock) : PageModel
{
    private static readonly string?[] Header = ["section", "counterparty", "offering", "mechanism", "quantity", "unitPrice", "amount", "explanation", "detail"];

    public Statement Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, string? period, CancellationToken cancellationToken)
    {
        if (await getStatement.HandleAsync(id, period ?? DefaultPeriod(), cancellationToken) is not { } statement)
        {
            return NotFound();
        }
        Statement = statement;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int id, string? period, CancellationToken cancellationToken) =>
        await getStatement.HandleAsync(id, period ?? DefaultPeriod(), cancellationToken) is { } s
            ? File(System.Text.Encoding.UTF8.GetBytes(CsvText.Write(Rows(s))), "text/csv", $"statement-{s.Code}-{s.Period}.csv")
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int id, string? period, CancellationToken cancellationToken) =>
        await getStatement.HandleAsync(id, period ?? DefaultPeriod(), cancellationToken) is { } s
            ? File(XlsxExport.Write("Statement", Rows(s)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"statement-{s.Code}-{s.Period}.xlsx")
            : NotFound();

    /// <summary>The statement as rows for a spreadsheet: one a charge, allocated cost or income line.</summary>
    public static List<string?[]> Rows(Statement s)
    {
        var rows = new List<string?[]> { Header };
        rows.AddRange(s.Charges.Select(c => Row("charge", c)));
        rows.AddRange(s.Allocated.Select(c => Row("allocated", c)));
        rows.AddRange(s.Income.Select(c => Row("income", c)));
        return rows;
    }

    private static string?[] Row(string section, StatementLine l) =>
    [
        section, l.Counterparty, l.Offering, l.Mechanism, l.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        l.UnitPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Amount.ToPlainString(), l.Explanation, l.Detail,
    ];

    private string DefaultPeriod() => clock.GetUtcNow().AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
