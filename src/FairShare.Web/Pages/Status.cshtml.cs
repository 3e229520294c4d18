using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

/// <summary>The page shown for an error status: 404 and the like, and 500 after the exception handler.</summary>
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. The page may belong to another authority, or it may have been removed."),
            400 => ("There is a problem with the request", "Check the address or the form and try again."),
            403 => ("You cannot see this page", "Your role does not give access to it."),
            _ => ("Sorry, there is a problem with the service", "Try again later. If it keeps happening, contact your FairShare administrator."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        }
    }
}
