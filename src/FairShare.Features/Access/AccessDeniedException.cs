namespace FairShare.Features.Access;

/// <summary>
/// The actor's role does not allow the action. Hosts turn it into a 403 (API), a refusal page (web) or exit
/// code 3 (CLI), always with this message; nothing has been changed when it is thrown.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>The request breaks a business rule; every problem is listed, each with the field it concerns.</summary>
public sealed class ValidationFailedException(IReadOnlyList<Domain.DomainError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<Domain.DomainError> Errors { get; } = errors;
}
