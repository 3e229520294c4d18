using FairShare.Domain;
using FairShare.Features;

namespace FairShare.Web.Api;

/// <summary>A use case's outcome as an HTTP response, in one place: 200, or ProblemDetails with 400 (every field error), 403, 404 or 409.</summary>
public static class OutcomeResults
{
    public static IResult ToHttp<T>(this Outcome<T> outcome) => outcome.ToHttp(value => TypedResults.Ok(value));

    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value),
            OutcomeKind.NotFound => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            OutcomeKind.Forbidden => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            OutcomeKind.Refused => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Refused",
                extensions: outcome.Errors.Count == 0 ? null : new Dictionary<string, object?> { ["errors"] = Fields(outcome.Errors) }),
            _ => Invalid(outcome.Errors),
        };
    }

    /// <summary>400 with every field's errors.</summary>
    public static IResult Invalid(IReadOnlyList<DomainError> errors) =>
        TypedResults.ValidationProblem(Fields(errors), detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), title: "The request has a bad field.");

    private static Dictionary<string, string[]> Fields(IReadOnlyList<DomainError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
