namespace FairShare.Domain.Workflow;

/// <summary>What a guard decides about one transition: go ahead, go ahead with a warning, or refuse with a reason.</summary>
public readonly record struct GuardVerdict(bool Allowed, string? Message)
{
    public static GuardVerdict Pass => new(true, null);

    public static GuardVerdict Warn(string message) => new(true, message);

    public static GuardVerdict Refuse(string reason) => new(false, reason);
}

/// <summary>A transition that the table allows: the state it leads to, and any warning its guard gave.</summary>
public sealed record Transition<TState>(TState From, TState To, string? Warning) where TState : struct, Enum;

/// <summary>
/// A workflow as data: a table of <c>(state, trigger) → state</c>, each row with a guard over a context (the
/// facts the decision needs, loaded by the use case). A pair not in the table is refused with a message that
/// names the state and the trigger; a row may also be a refusal with its own reason, so that the common
/// "you cannot do that now" cases read as sentences. The table is built once and never changes; deciding is
/// pure, so every cell can be tested on its own.
/// </summary>
/// <typeparam name="TState">The workflow's states.</typeparam>
/// <typeparam name="TTrigger">What people (or the clock) ask it to do.</typeparam>
/// <typeparam name="TContext">The facts a guard reads.</typeparam>
public sealed class StateTable<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<(TState, TTrigger), Row> _rows = [];
    private readonly Func<TState, string> _stateWords;
    private readonly Func<TTrigger, string> _triggerWords;

    /// <param name="name">What moves through the workflow, for messages ("the period", "the job").</param>
    /// <param name="stateWords">How a state is written in a sentence ("open", "run posted").</param>
    /// <param name="triggerWords">How a trigger is written in a sentence ("post the run").</param>
    public StateTable(string name, Func<TState, string> stateWords, Func<TTrigger, string> triggerWords)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _stateWords = stateWords;
        _triggerWords = triggerWords;
    }

    public string Name { get; }

    /// <summary>Every (state, trigger) pair the table has a row for, allowed or refused.</summary>
    public IEnumerable<(TState State, TTrigger Trigger)> Cells => _rows.Keys;

    /// <summary>Adds a transition from <paramref name="from"/> to <paramref name="to"/>, subject to <paramref name="guard"/>.</summary>
    public StateTable<TState, TTrigger, TContext> Allow(TState from, TTrigger trigger, TState to, Func<TContext, GuardVerdict>? guard = null)
    {
        if (!_rows.TryAdd((from, trigger), new Row(to, guard ?? (_ => GuardVerdict.Pass))))
        {
            throw new ArgumentException($"The table already has a row for ({from}, {trigger}).", nameof(trigger));
        }
        return this;
    }

    /// <summary>Adds a row that always refuses, with a reason a person can act on.</summary>
    public StateTable<TState, TTrigger, TContext> Refuse(TState from, TTrigger trigger, Func<TContext, string> reason) =>
        Allow(from, trigger, from, context => GuardVerdict.Refuse(reason(context)));

    /// <summary>The transition <paramref name="trigger"/> makes from <paramref name="from"/>, or why it cannot be made.</summary>
    public Result<Transition<TState>> Fire(TState from, TTrigger trigger, TContext context, string field = "state")
    {
        if (!_rows.TryGetValue((from, trigger), out var row))
        {
            return Result<Transition<TState>>.Failure(field,
                $"Cannot {_triggerWords(trigger)} when {Name} is {_stateWords(from)}.");
        }
        var verdict = row.Guard(context);
        return verdict.Allowed
            ? Result<Transition<TState>>.Success(new Transition<TState>(from, row.To, verdict.Message))
            : Result<Transition<TState>>.Failure(field, verdict.Message ?? $"Cannot {_triggerWords(trigger)} when {Name} is {_stateWords(from)}.");
    }

    private sealed record Row(TState To, Func<TContext, GuardVerdict> Guard);
}
