namespace FairShare.Domain;

/// <summary>A broken business rule, named by the field it concerns so a user can put it right.</summary>
public sealed record DomainError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The outcome of a domain decision: a value, or every reason there is none.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<DomainError> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<DomainError> Errors { get; }
    public bool IsSuccess => Errors.Count == 0;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("No value: " + string.Join("; ", Errors));

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(IReadOnlyList<DomainError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(default, errors);
    }

    public static Result<T> Failure(string field, string message) => Failure([new DomainError(field, message)]);
}
