using FairShare.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Catalogue;

/// <summary>The fields of an offering as the add and edit pages show them, and the use cases' field names mapped to them.</summary>
public abstract class OfferingForm : PageModel
{
    protected static readonly Dictionary<string, string> Fields = new()
    {
        ["code"] = "Code",
        ["name"] = "Name",
        ["description"] = "Description",
        ["category"] = "Category",
        ["unit"] = "Unit",
        ["provider"] = "Provider",
        ["noticeMonths"] = "NoticeMonths",
        ["respondWithinWorkingDays"] = "RespondWithin",
        ["completeWithinWorkingDays"] = "CompleteWithin",
        ["hoursOfCover"] = "HoursOfCover",
    };

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty] public int? NoticeMonths { get; set; }
    [BindProperty] public int? RespondWithin { get; set; }
    [BindProperty] public int? CompleteWithin { get; set; }
    [BindProperty] public string? HoursOfCover { get; set; }

    public OfferingInput Input => new(Code, Name, Description, Category, Unit, Provider, NoticeMonths, RespondWithin, CompleteWithin, HoursOfCover);

    protected void Fill(OfferingInput input)
    {
        (Code, Name, Description, Category, Unit, Provider) = (input.Code, input.Name, input.Description, input.Category, input.Unit, input.Provider);
        (NoticeMonths, RespondWithin, CompleteWithin, HoursOfCover) = (input.NoticeMonths, input.RespondWithinWorkingDays, input.CompleteWithinWorkingDays, input.HoursOfCover);
    }
}
