using FairShare.Features.Recharge;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Recharge;

/// <summary>The month end: the year's twelve periods and period 13 with their state, imports and runs.</summary>
public sealed class MonthEndModel(GetMonthEnd monthEnd, DemoMode demo) : PageModel
{
    public MonthEnd MonthEnd { get; private set; } = null!;
    public bool Demo { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        var outcome = await monthEnd.HandleAsync(new GetMonthEndRequest(year), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        if (!outcome.IsOk)
        {
            outcome = await monthEnd.HandleAsync(new GetMonthEndRequest(), cancellationToken);
        }
        MonthEnd = outcome.Value;
        Demo = await demo.IsOnAsync();
        return Page();
    }
}
