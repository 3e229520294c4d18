using FairShare.Domain;

namespace FairShare.Features;

/// <summary>How a use case ended. Each host maps it in one place (API, pages, command line).</summary>
public enum OutcomeKind
{
    /// <summary>Done (or, for a query, here is the answer).</summary>
    Ok,

    /// <summary>No such thing in this authority (another authority's records are "not found" too).</summary>
    NotFound,

    /// <summary>The actor's role does not allow it.</summary>
    Forbidden,

    /// <summary>The request is well formed but the state of things does not allow it now (a posted period, a closed one).</summary>
    Refused,

    /// <summary>The input is wrong; <see cref="Outcome{T}.Errors"/> names every field and why.</summary>
    Invalid,
}

/// <summary>
/// The one result type of every use case: ok with a value, not found, forbidden, refused with a reason a
/// person can act on, or invalid with every field's error. A use case never throws for an expected failure,
/// and it decides a refusal before it writes anything.
/// </summary>
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(OutcomeKind kind, T? value, string message, IReadOnlyList<DomainError> errors)
    {
        Kind = kind;
        _value = value;
        Message = message;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }
    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>The sentence for a person: why it was refused, forbidden or not found, or every field error joined.</summary>
    public string Message { get; }

    /// <summary>Field errors (invalid), or the one error of a refusal with the field it concerns.</summary>
    public IReadOnlyList<DomainError> Errors { get; }

    public T Value => IsOk ? _value! : throw new InvalidOperationException($"No value: the outcome is {Kind}: {Message}");

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, "", []);

    public static Outcome<T> NotFound(string message) => new(OutcomeKind.NotFound, default, message, []);

    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, message, []);

    public static Outcome<T> Refused(string message, string field = "") =>
        new(OutcomeKind.Refused, default, message, field.Length > 0 ? [new DomainError(field, message)] : []);

    public static Outcome<T> Invalid(IReadOnlyList<DomainError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(OutcomeKind.Invalid, default, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);
    }

    public static Outcome<T> Invalid(string field, string message) => Invalid([new DomainError(field, message)]);

    /// <summary>The same failure as another type's outcome (it must not be ok).</summary>
    public static Outcome<T> From<TOther>(Outcome<TOther> failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.IsOk
            ? throw new ArgumentException("An ok outcome carries a value, not a failure.", nameof(failure))
            : new(failure.Kind, default, failure.Message, failure.Errors);
    }

    public Outcome<TResult> Map<TResult>(Func<T, TResult> map) => IsOk ? Outcome<TResult>.Ok(map(Value)) : Outcome<TResult>.From(this);

    public static implicit operator Outcome<T>(T value) => Ok(value);

    public override string ToString() => IsOk ? $"Ok: {_value}" : $"{Kind}: {Message}";
}

/// <summary>Shorthands for use cases.</summary>
public static class Outcome
{
    /// <summary>A domain decision's failure as an outcome: refused when it concerns the state of things (one field), invalid otherwise.</summary>
    public static Outcome<T> Invalid<T>(Result<T> result) => Outcome<T>.Invalid(result.Errors);

    /// <summary>The refusal a domain decision gave (the period is posted, closed…), with its field.</summary>
    public static Outcome<T> Refused<T>(IReadOnlyList<DomainError> errors) =>
        Outcome<T>.Refused(string.Join(" ", errors.Select(e => e.Message)), errors.Count > 0 ? errors[0].Field : "");
}

/// <summary>A use case that changes something and answers with a sentence saying what it did.</summary>
public sealed record Done(string Message);
