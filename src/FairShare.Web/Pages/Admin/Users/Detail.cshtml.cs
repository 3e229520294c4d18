using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using FairShare.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin.Users;

/// <summary>One person: change their details, give and take away roles, unlink the identity provider, make a reset link, enable.</summary>
public sealed class DetailModel(GetUser getUser, ChangeUser changeUser, EnableUser enableUser, IssuePasswordResetLink resetLink, ScopeCodes scopes) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string? Done { get; private set; }
    public string? ResetLinkShown { get; private set; }
    public DateTimeOffset? ResetLinkExpires { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? CostCentres { get; set; }
    [BindProperty] public string? Supplier { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "added" => "The person has been added.",
            "disabled" => "The account has been disabled. Any session it had has ended.",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, new ChangeUserRequest(id, Name ?? "", Email ?? ""), "Their details have been changed.", cancellationToken);

    public async Task<IActionResult> OnPostAddRoleAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }
        var errors = new List<DomainError>();
        var added = await scopes.GrantsAsync(Role, CostCentres, Supplier, errors, cancellationToken);
        if (errors.Count > 0)
        {
            this.Show(Outcome<Person>.Invalid(errors), PeoplePages.Fields, "Role");
            return Page();
        }
        return await ChangeAsync(id, new ChangeUserRequest(id, Roles: [.. Person.Roles.Select(r => r.Grant), .. added]), "The role has been given.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync([FromRoute] int id, string? removeRole, int? removeCostCentre, int? removeSupplier, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }
        var removed = Slugs.TryParse<Role>(removeRole, out var role) ? new RoleGrant(role, removeCostCentre, removeSupplier) : null;
        return await ChangeAsync(id, new ChangeUserRequest(id, Roles: [.. Person.Roles.Select(r => r.Grant).Where(g => g != removed)]), "The role has been taken away.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUnlinkAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, new ChangeUserRequest(id, UnlinkIdentityProvider: true),
            "The link to the identity provider has been removed. Their next sign-in there is matched by email again.", cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await enableUser.HandleAsync(new EnableUserRequest(id), cancellationToken);
        return await AfterAsync(id, outcome, "The account has been enabled. They can sign in again.", cancellationToken);
    }

    public async Task<IActionResult> OnPostResetLinkAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await resetLink.HandleAsync(new IssuePasswordResetLinkRequest(id), cancellationToken);
        if (this.Show(outcome, PeoplePages.Fields, "reset") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            ResetLinkShown = PeopleEndpoints.LinkFor(Request, outcome.Value.Secret);
            ResetLinkExpires = outcome.Value.ExpiresAt;
            // The secret is in this page only: no shared cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult> ChangeAsync(int id, ChangeUserRequest request, string done, CancellationToken cancellationToken) =>
        await AfterAsync(id, await changeUser.HandleAsync(request, cancellationToken), done, cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Outcome<Person> outcome, string done, CancellationToken cancellationToken)
    {
        if (this.Show(outcome, PeoplePages.Fields, "Role") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            Done = done;
            ModelState.Clear();
            (Role, CostCentres, Supplier) = (null, null, null);
        }
        return await LoadAsync(id, cancellationToken, keepInput: !outcome.IsOk) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        var outcome = await getUser.HandleAsync(new GetUserRequest(id), cancellationToken);
        if (!outcome.IsOk)
        {
            return this.Show(outcome) ?? Page();
        }
        Person = outcome.Value;
        if (!keepInput || Email is null)
        {
            Email = Person.Email;
            Name = Person.Name;
        }
        return null;
    }
}
