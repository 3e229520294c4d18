using FairShare.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

/// <summary>
/// A use case's outcome on a page, in one place. Not found and forbidden become the status page with the
/// outcome's sentence; invalid and refused go into the model state, keyed by the form field they concern, so
/// the page shows the GOV.UK error summary (linking to each field) and the inline messages, with the input kept.
/// </summary>
public static class OutcomePages
{
    /// <summary>
    /// Null when the outcome is ok, or when its errors were put on the page (render it again); else the response to return.
    /// <paramref name="fields"/> maps a use case's field name to the form field's id ("period" → "Period"); unmapped fields go to <paramref name="fallbackField"/>.
    /// </summary>
    public static IActionResult? Show<T>(this PageModel page, Outcome<T> outcome, IReadOnlyDictionary<string, string>? fields = null, string fallbackField = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return null;
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                page.HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] = outcome.Message;
                return page.StatusCode(StatusCodes.Status403Forbidden);
            default:
                var errors = outcome.Errors.Count > 0 ? outcome.Errors : [new Domain.DomainError(fallbackField, outcome.Message)];
                foreach (var error in errors)
                {
                    var key = fields?.GetValueOrDefault(error.Field) ?? (fields is null ? error.Field : fallbackField);
                    // What was typed could not be read (a year of "abc" bound as 0): that is the problem to show, not the 0.
                    if (!page.ModelState.Unreadable(key))
                    {
                        page.ModelState.AddModelError(key, error.Message);
                    }
                }
                page.Response.StatusCode = outcome.Kind == OutcomeKind.Refused ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return null;
        }
    }
}
