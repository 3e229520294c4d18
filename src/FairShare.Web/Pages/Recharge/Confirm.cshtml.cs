using FairShare.Features;
using FairShare.Features.Recharge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>"Are you sure?" before reversing a run or closing a period, and the confirmation panel after.</summary>
public sealed class ConfirmModel(ReverseRechargeRun reverse, ClosePeriod close, GetMonthEnd monthEnd) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [FromRoute] public string Action { get; set; } = "";

    public MonthEndPeriod? Target { get; private set; }
    public string? Done { get; private set; }
    public bool IsClose => Action == "close";

    /// <summary>Back to the month end of the period's year, which may not be this year.</summary>
    public string MonthEndHref { get; private set; } = "/recharge";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } failed)
        {
            return failed;
        }
        Outcome<Done> outcome = IsClose
            ? await close.HandleAsync(new ClosePeriodRequest(Period), cancellationToken)
            : await reverse.HandleAsync(new ReverseRechargeRunRequest(Period), cancellationToken);
        if (this.Show(outcome, new Dictionary<string, string>(), "confirm") is { } refused)
        {
            return refused;
        }
        Done = outcome.IsOk ? outcome.Value.Message : null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (Action is not ("reverse" or "close"))
        {
            return NotFound();
        }
        var year = await monthEnd.HandleAsync(new GetMonthEndRequest(Period: Period), cancellationToken);
        if (this.Show(year) is { } failed)
        {
            return failed;
        }
        MonthEndHref = $"/recharge?year={Uri.EscapeDataString(year.Value.Year)}";
        Target = year.Value.Periods.FirstOrDefault(p => p.Period == Period);
        if (Target is null)
        {
            // No form is shown for a period that is not one, so the message links nowhere.
            ModelState.AddModelError("", $"'{Features.Inputs.Parse.Shown(Period)}' is not a period of {year.Value.Year}: choose one from the month end.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return null;
    }
}
