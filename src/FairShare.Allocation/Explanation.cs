using System.Globalization;
using System.Text;

namespace FairShare.Allocation;

/// <summary>A charge one support department made to the receiver.</summary>
public sealed record ExplanationCharge(string From, decimal Amount);

/// <summary>
/// Part of a charge: <see cref="Amount"/> of <see cref="Origin"/>'s own cost that reached the receiver in
/// the charge from <see cref="Via"/> (the same department when it came directly).
/// </summary>
public sealed record ExplanationPath(string Origin, string Via, decimal Amount);

/// <summary>One receiver's story, in figures and in plain words.</summary>
public sealed class Explanation
{
    private readonly IReadOnlyDictionary<string, string> names;

    internal Explanation(
        string receiver,
        AllocationMethod method,
        string currency,
        decimal received,
        IReadOnlyList<ExplanationCharge> charges,
        IReadOnlyList<OriginAmount> origins,
        IReadOnlyList<ExplanationPath> paths,
        IReadOnlyDictionary<string, string> names)
    {
        Receiver = receiver;
        Method = method;
        Currency = currency;
        Received = received;
        Charges = charges;
        Origins = origins;
        Paths = paths;
        this.names = names;
    }

    public string Receiver { get; }

    public AllocationMethod Method { get; }

    public string Currency { get; }

    public decimal Received { get; }

    public IReadOnlyList<ExplanationCharge> Charges { get; }

    public IReadOnlyList<OriginAmount> Origins { get; }

    public IReadOnlyList<ExplanationPath> Paths { get; }

    /// <summary>The story in plain words, one sentence a line.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var me = Name(Receiver) == Receiver ? Receiver : $"{Name(Receiver)} ({Receiver})";
        text.Append(CultureInfo.InvariantCulture, $"{me} received {Money(Received)} of support costs ({MethodName(Method)} method).").Append('\n');
        if (Charges.Count == 0)
        {
            text.Append("No support department charged you.\n");
            return text.ToString();
        }

        text.Append('\n').Append("Who charged you:\n");
        foreach (var charge in Charges)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Name(charge.From)} charged you {Money(charge.Amount)}.").Append('\n');
        }

        text.Append('\n').Append("Where your charge started:\n");
        foreach (var origin in Origins)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Money(origin.Amount)} of your charge is {Possessive(Name(origin.Origin))} own cost.").Append('\n');
        }

        text.Append('\n').Append("How it reached you, hop by hop:\n");
        foreach (var path in Paths)
        {
            var sentence = path.Origin == path.Via
                ? $"  {Money(path.Amount)} of your charge is {Possessive(Name(path.Origin))} own cost, charged to you directly by {Name(path.Via)}."
                : $"  {Money(path.Amount)} of your charge is {Possessive(Name(path.Origin))} own cost that reached you through {Name(path.Via)}.";
            text.Append(sentence).Append('\n');
        }

        return text.ToString();
    }

    private string Name(string id) => names.TryGetValue(id, out var name) ? name : id;

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";

    private string Money(decimal amount) => Formatting.Money(amount, Currency);

    internal static string MethodName(AllocationMethod method) => method switch
    {
        AllocationMethod.Direct => "direct",
        AllocationMethod.StepDown => "step-down",
        AllocationMethod.Reciprocal => "reciprocal",
        _ => "repeated-distribution",
    };
}
