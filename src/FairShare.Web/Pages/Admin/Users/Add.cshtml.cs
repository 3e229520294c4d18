using FairShare.Domain;
using FairShare.Features;
using FairShare.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin.Users;

/// <summary>Add a person with one role and its scope (several cost centres for a budget holder). No password is typed here: a reset link gives them one.</summary>
public sealed class AddModel(AddUser addUser, ListUsers listUsers, ScopeCodes scopes) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? CostCentres { get; set; }
    [BindProperty] public string? Supplier { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await listUsers.HandleAsync(new ListUsersRequest(), cancellationToken) is { IsOk: false } refused ? this.Show(refused)! : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await listUsers.HandleAsync(new ListUsersRequest(), cancellationToken) is { IsOk: false } refused)
        {
            return this.Show(refused)!;
        }
        var errors = new List<DomainError>();
        var grants = await scopes.GrantsAsync(Role, CostCentres, Supplier, errors, cancellationToken);
        var outcome = errors.Count > 0 || grants.Count == 0
            ? Outcome<UserSummary>.Invalid(errors.Count > 0 ? errors : [new DomainError("role", "Select a role.")])
            : await addUser.HandleAsync(new AddUserRequest(Email ?? "", Name ?? "", grants[0].Role, grants[0].CostCentreId, grants[0].SupplierId, MoreRoles: [.. grants.Skip(1)]), cancellationToken);
        if (this.Show(outcome, PeoplePages.Fields, "Email") is { } failed)
        {
            return failed;
        }
        return outcome.IsOk ? Redirect($"/admin/users/{outcome.Value.Id}?done=added") : Page();
    }
}
