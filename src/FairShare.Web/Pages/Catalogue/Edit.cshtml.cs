using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace FairShare.Web.Pages.Catalogue;

/// <summary>A provider manager changes one of their service's offerings.</summary>
public sealed class EditModel(GetOffering getOffering, ChangeOffering changeOffering) : OfferingForm
{
    public OfferingSummary Offering { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var offering = await getOffering.HandleAsync(new GetOfferingRequest(id), cancellationToken);
        if (this.Show(offering) is { } failed)
        {
            return failed;
        }
        if (offering.Value.Editable is not { } editable)
        {
            return Forbid(offering.Value.Summary);
        }
        Offering = offering.Value.Summary;
        Fill(editable);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var outcome = await changeOffering.HandleAsync(new ChangeOfferingRequest(id, Input with { Code = null, Provider = null }), cancellationToken);
        if (this.Show(outcome, Fields, "Name") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            return Redirect($"/catalogue/{id}");
        }
        var offering = await getOffering.HandleAsync(new GetOfferingRequest(id), cancellationToken);
        Offering = offering.Value.Summary;
        return Page();
    }

    private StatusCodeResult Forbid(OfferingSummary offering)
    {
        HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] = $"Only the provider manager of {offering.Provider} changes {offering.Code}.";
        return StatusCode(StatusCodes.Status403Forbidden);
    }
}
