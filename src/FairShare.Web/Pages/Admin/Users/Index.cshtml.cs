using FairShare.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin.Users;

public sealed class IndexModel(ListUsers listUsers) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await listUsers.HandleAsync(new ListUsersRequest(), cancellationToken);
        if (!outcome.IsOk)
        {
            return this.Show(outcome)!;
        }
        People = outcome.Value;
        return Page();
    }
}
