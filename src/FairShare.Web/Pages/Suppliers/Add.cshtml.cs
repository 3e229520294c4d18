using FairShare.Features.Suppliers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Suppliers;

/// <summary>Procurement registers an approved supplier.</summary>
public sealed class AddModel(AddSupplier add) : PageModel
{
    [BindProperty] public SupplierForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await add.HandleAsync(new AddSupplierRequest(Form.ToInput()), cancellationToken);
        if (this.Show(outcome, SupplierForm.Fields, "Code") is { } failed)
        {
            return failed;
        }
        return outcome.IsOk ? Redirect($"/suppliers/{Uri.EscapeDataString(outcome.Value.Code)}?added=1") : Page();
    }
}
