using FairShare.Features.Inputs;
using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>
/// Running the recharge as question pages: pick the period and method, see what the run would post (a dry
/// run), then confirm with a warning button; the run page then shows what was posted.
/// </summary>
public sealed class RunModel(PostRechargeRun run, GetMonthEnd monthEnd) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["period"] = "Period", ["method"] = "Method" };

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Method { get; set; }

    public IReadOnlyList<MonthEndPeriod> Runnable { get; private set; } = [];
    public RechargeRunSummary? DryRun { get; private set; }

    /// <summary>Back to the month end of the period's year, which may not be this year.</summary>
    public string MonthEndHref { get; private set; } = "/recharge";

    public static IReadOnlyList<(string Word, string Label)> Methods { get; } =
        [("", "The authority's method"), ("reciprocal", "Reciprocal (exact)"), ("step-down", "Step-down"), ("direct", "Direct")];

    public async Task<IActionResult> OnGetAsync(bool check, CancellationToken cancellationToken)
    {
        var year = await monthEnd.HandleAsync(new GetMonthEndRequest(Period: Period), cancellationToken);
        if (this.Show(year) is { } failed)
        {
            return failed;
        }
        Runnable = [.. year.Value.Periods.Where(p => p.CanRun)];
        MonthEndHref = $"/recharge?year={Uri.EscapeDataString(year.Value.Year)}";
        Period ??= year.Value.NextToRun;
        if (check)
        {
            var outcome = await run.HandleAsync(new PostRechargeRunRequest(Period, DryRun: true, Method), cancellationToken: cancellationToken);
            if (this.Show(outcome, Fields, "Period") is { } refused)
            {
                return refused;
            }
            DryRun = outcome.IsOk ? outcome.Value : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await run.HandleAsync(new PostRechargeRunRequest(Period, DryRun: false, Method), cancellationToken: cancellationToken);
        if (this.Show(outcome, Fields, "Period") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            return Redirect($"/recharge/runs/{outcome.Value.RunId}?posted=true");
        }
        var year = await monthEnd.HandleAsync(new GetMonthEndRequest(Period: Period), cancellationToken);
        Runnable = year.IsOk ? [.. year.Value.Periods.Where(p => p.CanRun)] : [];
        return Page();
    }

    public string MethodWords => Method is { Length: > 0 } m && Parse.Method(m) is { IsSuccess: true } parsed ? Parse.Word(parsed.Value) : "the authority's";
}
