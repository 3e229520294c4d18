using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

/// <summary>The page shown for an error status: 404 and the like, and 500 after the exception handler.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>
    /// A refused form post is re-executed here as a POST. The code comes from the route only: the form is the one that
    /// was refused, and may be one the framework cannot read (a NUL in a field), which must not spoil this page too.
    /// </summary>
    public void OnPost([FromRoute] int code) => OnGet(code);

    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public int Code { get; private set; }

    public void OnGet([FromRoute] int code)
    {
        Code = code;
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. The page may belong to another authority, or it may have been removed."),
            400 => ("There is a problem with the request", HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] as string ?? "Check the address or the form and try again."),
            403 => ("You cannot do this", HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] as string ?? "Your role does not give access to this page."),
            413 => ("The file is too large", HttpContext.Items[Hosting.UseCaseExceptionHandler.MessageKey] as string ?? Hosting.BadRequestBodyHandler.TooLarge),
            429 => ("Too many attempts", "Wait a minute, then try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later. If it keeps happening, contact your FairShare administrator."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        }
    }
}
