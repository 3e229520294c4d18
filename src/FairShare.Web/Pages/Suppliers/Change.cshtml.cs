using FairShare.Features.Suppliers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Suppliers;

/// <summary>Procurement changes a supplier's details or contract (a renewal, an extension).</summary>
public sealed class ChangeModel(GetSupplier get, ChangeSupplier change) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public SupplierForm Form { get; set; } = new();
    public string SupplierName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(new GetSupplierRequest(Code), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Form = SupplierForm.Of(outcome.Value.Supplier);
        SupplierName = outcome.Value.Supplier.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await change.HandleAsync(new ChangeSupplierRequest(Code, Form.ToInput()), cancellationToken);
        if (this.Show(outcome, SupplierForm.Fields, "Name") is { } failed)
        {
            return failed;
        }
        SupplierName = Form.Name ?? Code;
        return outcome.IsOk ? Redirect($"/suppliers/{Uri.EscapeDataString(outcome.Value.Code)}?changed=1") : Page();
    }
}
