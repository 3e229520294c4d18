namespace FairShare.Domain;

/// <summary>What procurement records of an approved external supplier: who it is and the contract it was approved under.</summary>
public sealed record SupplierDetails(
    string Code,
    string Name,
    string? Description,
    string? ContractReference,
    DateOnly? ContractStart,
    DateOnly? ContractEnd)
{
    public const int MaxCodeLength = 20;

    /// <summary>Every problem at once: a code and name, a contract reference, and a contract that ends after it starts.</summary>
    public IEnumerable<DomainError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            yield return new DomainError("code", "is required.");
        }
        else if (Code.Trim().Length > MaxCodeLength || !Code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return new DomainError("code", $"'{Code.Trim()}' must be up to {MaxCodeLength} letters, digits, hyphens or underscores.");
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new DomainError("name", "is required.");
        }
        else if (Name.Trim().Length > 200)
        {
            yield return new DomainError("name", "is at most 200 characters.");
        }
        if (Description is { Length: > 2000 })
        {
            yield return new DomainError("description", "is at most 2,000 characters.");
        }
        if (ContractReference is { Length: > 200 })
        {
            yield return new DomainError("contractReference", "is at most 200 characters.");
        }
        else if (string.IsNullOrWhiteSpace(ContractReference))
        {
            yield return new DomainError("contractReference", "is required: the framework agreement or contract the supplier was approved under.");
        }
        if (ContractStart is null)
        {
            yield return new DomainError("contractStart", "is required.");
        }
        if (ContractEnd is null)
        {
            yield return new DomainError("contractEnd", "is required.");
        }
        if (ContractStart is { } start && ContractEnd is { } end && end < start)
        {
            yield return new DomainError("contractEnd", $"the contract ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }
    }
}
