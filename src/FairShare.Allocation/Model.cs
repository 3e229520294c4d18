namespace FairShare.Allocation;

/// <summary>Whether a department passes its cost on (support) or keeps what it receives (operating).</summary>
public enum DepartmentKind
{
    Support,
    Operating,
}

/// <summary>
/// A department of the allocation model. <see cref="Cost"/> is its own (direct) cost in currency units,
/// whole pence, never negative.
/// </summary>
public sealed record Department(string Id, string Name, DepartmentKind Kind, decimal Cost);

/// <summary>
/// One usage line: how much of <see cref="Provider"/>'s service <see cref="Receiver"/> used, in the
/// provider's driver unit. <see cref="Line"/> is the 1-based position in the model's usage array, so
/// problems can name it.
/// </summary>
public sealed record UsageLine(int Line, string Provider, string Receiver, decimal Quantity);

/// <summary>
/// An allocation model: departments, usage lines and an optional step-down order. It is plain data;
/// <see cref="ModelValidation.Validate(AllocationModel)"/> says what is wrong with it, all at once.
/// </summary>
public sealed class AllocationModel
{
    public AllocationModel(
        string currency,
        IReadOnlyList<Department> departments,
        IReadOnlyList<UsageLine> usage,
        IReadOnlyList<string>? stepDownOrder = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(usage);
        Currency = currency;
        Departments = departments;
        Usage = usage;
        StepDownOrder = stepDownOrder;
    }

    public string Currency { get; }

    public IReadOnlyList<Department> Departments { get; }

    public IReadOnlyList<UsageLine> Usage { get; }

    public IReadOnlyList<string>? StepDownOrder { get; }
}

/// <summary>What kind of problem a model has; tests and callers match on it, people read the message.</summary>
public enum ProblemKind
{
    InvalidJson,
    EmptyModel,
    MissingField,
    NotANumber,
    Negative,
    FractionOfPenny,
    TooLarge,
    BadKind,
    DuplicateId,
    UnknownDepartment,
    OperatingProvider,
    NoOperatingDepartments,
    CostWithoutReceivers,
    ClosedGroup,
    BadStepDownOrder,
    MethodCannotAllocate,
}

/// <summary>One problem with a model, naming the departments and usage lines involved.</summary>
public sealed record ModelProblem(
    ProblemKind Kind,
    string Message,
    IReadOnlyList<string> Departments,
    IReadOnlyList<int> Lines)
{
    public ModelProblem(ProblemKind kind, string message)
        : this(kind, message, [], [])
    {
    }

    public override string ToString() => Message;
}
