using FairShare.Domain;
using FairShare.Features.Demo;
using FairShare.Features.Setup;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FairShare.Web.Pages.Setup;

/// <summary>The second question page: the first administrator, who signs in with a password set here.</summary>
public sealed class AdministratorModel(SetupGate gate, DemoDatabase database, TimeProvider clock) : SetupPage(gate, database, clock)
{
    [BindProperty] public string? AdminName { get; set; }
    [BindProperty] public string? AdminEmail { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await GuardAsync() is { } refused)
        {
            return refused;
        }
        if (!Draft.HasCouncil)
        {
            return Redirect("/setup/council");
        }
        (AdminName, AdminEmail) = (Draft.AdminName, Draft.AdminEmail);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await GuardAsync() is { } refused)
        {
            return refused;
        }
        var errors = InitialiseAuthority.Validate(new InitialiseAuthorityRequest("x", "X", 4, AdminEmail ?? "", AdminName ?? "", Password ?? "")).ToList();
        if (string.IsNullOrEmpty(Password))
        {
            errors.RemoveAll(e => e.Field == "password");
            errors.Add(new DomainError("password", "is required: the administrator signs in with it."));
        }
        var shown = ShowErrors(errors, "adminName", "adminEmail", "password");
        if (!errors.Any(e => e.Field == "password") && !string.Equals(Password, ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match: type the same password twice");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            shown = true;
        }
        if (shown)
        {
            Password = ConfirmPassword = null;
            return Page();
        }
        (Draft.AdminName, Draft.AdminEmail, Draft.Password) = (AdminName!.Trim(), AdminEmail!.Trim(), Password);
        return Redirect("/setup/check");
    }
}
