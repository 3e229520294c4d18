using FairShare.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin.Users;

/// <summary>Confirm before disabling: their sessions end at once.</summary>
public sealed class DisableModel(GetUser getUser, DisableUser disableUser) : PageModel
{
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await disableUser.HandleAsync(new DisableUserRequest(id), cancellationToken);
        if (this.Show(outcome, new Dictionary<string, string>(), "confirm") is { } failed)
        {
            return failed;
        }
        return outcome.IsOk ? Redirect($"/admin/users/{id}?done=disabled") : await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await getUser.HandleAsync(new GetUserRequest(id), cancellationToken);
        if (!outcome.IsOk)
        {
            return this.Show(outcome) ?? Page();
        }
        Person = outcome.Value;
        return null;
    }
}
