using FairShare.Domain.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

public sealed class OfferingModel(GetOffering getOffering, SetChargingClass setChargingClass, TenantContext tenants) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["chargingClass"] = "NewClass",
        ["fromPeriod"] = "ClassFrom",
    };

    public OfferingDetail Offering { get; private set; } = null!;

    /// <summary>Only the provider manager of the offering's service (or an administrator) sees the shop's actions.</summary>
    public bool CanManage => Offering.Editable is not null && tenants.Actor.Has(Permission.ManageOfferings);

    /// <summary>The value-for-money panel sets charging classes, for this authority's own offerings.</summary>
    public bool CanSetChargingClass => Offering.ProviderCostCentreId is not null && tenants.Actor.Has(Permission.SetChargingClass);

    [BindProperty] public string? NewClass { get; set; }
    [BindProperty] public string? ClassFrom { get; set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostChargingClassAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await setChargingClass.HandleAsync(new SetChargingClassRequest(id, NewClass, ClassFrom), cancellationToken);
        if (this.Show(outcome, Fields, "NewClass") is { } failed)
        {
            return failed;
        }
        Saved = outcome.IsOk ? outcome.Value.Message : null;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var offering = await getOffering.HandleAsync(new GetOfferingRequest(id), cancellationToken);
        if (this.Show(offering) is { } failed)
        {
            return failed;
        }
        Offering = offering.Value;
        return null;
    }
}
