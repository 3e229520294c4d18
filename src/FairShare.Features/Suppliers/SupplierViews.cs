using FairShare.Domain;

namespace FairShare.Features.Suppliers;

/// <summary>An approved external supplier with its contract, as procurement sees it.</summary>
public sealed record SupplierSummary(
    int Id, string Code, string Name, string Description, string ContractReference, DateOnly? ContractStart, DateOnly? ContractEnd,
    bool ContractEnded, int Offerings)
{
    public static SupplierSummary Of(Supplier s, DateOnly today, int offerings) =>
        new(s.Id, s.Code, s.Name, s.Description, s.ContractReference, s.ContractStart, s.ContractEnd, s.ContractEndedBy(today), offerings);
}

/// <summary>The authority's approved suppliers, and whether supplier accounts may sign in.</summary>
public sealed record SupplierRegister(string Authority, bool SupplierSelfService, IReadOnlyList<SupplierSummary> Suppliers);

/// <summary>One contract rate: an offering of the supplier priced for one financial year.</summary>
public sealed record ContractRate(int OfferingId, string OfferingCode, string Offering, string Category, string Unit, string FinancialYear, string Price);

public sealed record SupplierDetail(SupplierSummary Supplier, IReadOnlyList<ContractRate> Rates);

/// <summary>What procurement types about a supplier, as text, so page, API and command line are checked the same way.</summary>
public sealed record SupplierInput(
    string? Code, string? Name, string? Description, string? ContractReference, string? ContractStart, string? ContractEnd)
{
    /// <summary>The details, or every field that is wrong (dates as YYYY-MM-DD).</summary>
    public Result<SupplierDetails> ToDetails()
    {
        var errors = new List<DomainError>();
        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            var parsed = Inputs.Parse.Date(text, field);
            errors.AddRange(parsed.Errors);
            return parsed.IsSuccess ? parsed.Value : null;
        }
        var start = Date(ContractStart, "contractStart");
        var end = Date(ContractEnd, "contractEnd");
        var details = new SupplierDetails(Code ?? "", Name ?? "", Description, ContractReference, start, end);
        // A date that did not parse is reported once, as itself, not again as missing.
        errors.AddRange(details.Validate().Where(e => !errors.Any(x => x.Field == e.Field)));
        return errors.Count > 0 ? Result<SupplierDetails>.Failure(errors) : Result<SupplierDetails>.Success(details);
    }
}
