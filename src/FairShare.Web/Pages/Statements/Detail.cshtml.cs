using FairShare.Features.Exports;
using FairShare.Features.Statements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Statements;

public sealed class StatementModel(GetStatement getStatement) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["period"] = "Period" };

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public Statement Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await getStatement.HandleAsync(new GetStatementRequest(id, Period), cancellationToken);
        if (this.Show(outcome, Fields) is { } failed)
        {
            return failed;
        }
        if (!outcome.IsOk)
        {
            // A bad period: say so, and show the last posted one beneath.
            outcome = await getStatement.HandleAsync(new GetStatementRequest(id, null), cancellationToken);
            if (this.Show(outcome) is { } again)
            {
                return again;
            }
        }
        Statement = outcome.Value;
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        FileAsync(id, s => File(System.Text.Encoding.UTF8.GetBytes(StatementCsv.Write(s)), "text/csv; charset=utf-8", $"statement-{s.Code}-{s.Period}.csv"), cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        FileAsync(id, s => File(XlsxExport.Write("Statement", StatementCsv.Rows(s)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"statement-{s.Code}-{s.Period}.xlsx"), cancellationToken);

    private async Task<IActionResult> FileAsync(int id, Func<Statement, IActionResult> file, CancellationToken cancellationToken)
    {
        var outcome = await getStatement.HandleAsync(new GetStatementRequest(id, Period), cancellationToken);
        if (outcome.IsOk)
        {
            return file(outcome.Value);
        }
        HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] = outcome.Message;
        return this.Show(outcome) ?? StatusCode(StatusCodes.Status400BadRequest);
    }

}
