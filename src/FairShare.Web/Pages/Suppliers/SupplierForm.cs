using FairShare.Features.Suppliers;

namespace FairShare.Web.Pages.Suppliers;

/// <summary>The fields of the add and change pages, as the form posts them.</summary>
public sealed class SupplierForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? ContractReference { get; set; }
    public string? ContractStart { get; set; }
    public string? ContractEnd { get; set; }

    public SupplierInput ToInput() => new(Code, Name, Description, ContractReference, ContractStart, ContractEnd);

    public static SupplierForm Of(SupplierSummary s) => new()
    {
        Code = s.Code,
        Name = s.Name,
        Description = s.Description,
        ContractReference = s.ContractReference,
        ContractStart = s.ContractStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ContractEnd = s.ContractEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The use case's field names as the form's ids.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["code"] = "Code",
        ["name"] = "Name",
        ["description"] = "Description",
        ["contractReference"] = "ContractReference",
        ["contractStart"] = "ContractStart",
        ["contractEnd"] = "ContractEnd",
    };
}
