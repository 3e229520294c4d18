using FairShare.Domain.Access;
using FairShare.Features.Suppliers;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Suppliers;

/// <summary>The supplier register: approved suppliers and their contracts, and whether supplier accounts may sign in.</summary>
public sealed class IndexModel(ListSuppliers list, SetSupplierSelfService selfService, TenantContext tenants) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["allowed"] = "Allowed" };

    public SupplierRegister? Register { get; private set; }
    public string? Saved { get; private set; }
    public bool CanManage => tenants.Actor.Has(Permission.ManageSuppliers);
    public bool CanSetPolicy => tenants.Actor.Has(Permission.SetAuthorityPolicy);

    [BindProperty] public string? Allowed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSelfServiceAsync(CancellationToken cancellationToken)
    {
        bool? allowed = Allowed switch { "on" => true, "off" => false, _ => null };
        var outcome = await selfService.HandleAsync(new SetSupplierSelfServiceRequest(allowed), cancellationToken);
        if (this.Show(outcome, Fields, "Allowed") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? outcome.Value.Message : null;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(new ListSuppliersRequest(), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Register = outcome.Value;
        return null;
    }
}
