namespace FairShare.Allocation;

/// <summary>
/// One department's figures, in currency units, whole pence. For a support department
/// <see cref="PassedOn"/> = <see cref="DirectCost"/> + <see cref="Received"/> and
/// <see cref="FinalCost"/> is zero; for an operating department <see cref="PassedOn"/> is null and
/// <see cref="FinalCost"/> = <see cref="DirectCost"/> + <see cref="Received"/>.
/// </summary>
public sealed record DepartmentResult(
    string Id,
    string Name,
    DepartmentKind Kind,
    decimal DirectCost,
    decimal Received,
    decimal? PassedOn,
    decimal FinalCost);

/// <summary>An amount moved from a support department to another department: rounded and exact (unrounded).</summary>
public sealed record Transfer(string From, string To, decimal Amount, decimal ExactAmount);

/// <summary>How much of a receiver's charge started as an origin (support) department's own cost.</summary>
public sealed record OriginAmount(string Receiver, string Origin, decimal Amount);

/// <summary>
/// The result of an allocation. Every amount is whole pence; support departments end at zero; the
/// operating departments' receipts add up to the support departments' direct costs; each transfer is
/// within a penny of its exact value. Departments and transfers are listed in the model file's order.
/// </summary>
public sealed class AllocationResult
{
    internal AllocationResult(AllocationMethod method, Network network, decimal[] flow, long[] pence, int? iterations, decimal? residual)
    {
        Method = method;
        Network = network;
        Flow = flow;
        Pence = pence;
        Iterations = iterations;
        Residual = residual;
        Currency = network.Currency;

        var n = network.Departments.Length;
        var received = new long[n];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            received[network.EdgeTo[e]] += pence[e];
        }

        ReceivedPence = received;
        var departments = new DepartmentResult[n];
        for (var d = 0; d < n; d++)
        {
            var department = network.Departments[d];
            var direct = department.Cost;
            var got = Pounds(received[d]);
            departments[network.FilePosition[d]] = department.Kind == DepartmentKind.Support
                ? new DepartmentResult(department.Id, department.Name, department.Kind, direct, got, direct + got, 0.00m)
                : new DepartmentResult(department.Id, department.Name, department.Kind, direct, got, null, direct + got);
        }

        Departments = departments;
        // Transfers in the file's order of providers, then of receivers (two stable counting sorts); each
        // made when read, not 200,000 at once.
        var byReceiver = new int[n + 1];
        var byProvider = new int[n + 1];
        var count = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (flow[e] != 0)
            {
                byReceiver[network.FilePosition[network.EdgeTo[e]] + 1]++;
                byProvider[network.FilePosition[network.Supports[network.EdgeFrom[e]]] + 1]++;
                count++;
            }
        }

        for (var d = 0; d < n; d++)
        {
            byReceiver[d + 1] += byReceiver[d];
            byProvider[d + 1] += byProvider[d];
        }

        var receiverOrder = new int[count];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (flow[e] != 0)
            {
                receiverOrder[byReceiver[network.FilePosition[network.EdgeTo[e]]]++] = e;
            }
        }

        var edges = new int[count];
        foreach (var e in receiverOrder)
        {
            edges[byProvider[network.FilePosition[network.Supports[network.EdgeFrom[e]]]]++] = e;
        }

        Transfers = new TransferList(network, flow, pence, edges);
    }

    public AllocationMethod Method { get; }

    /// <summary>Whole pence as pounds with two decimals, without a division.</summary>
    internal static decimal Pounds(long pence)
    {
        var magnitude = (ulong)Math.Abs(pence);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, pence < 0, 2);
    }

    public string Currency { get; }

    public IReadOnlyList<DepartmentResult> Departments { get; }

    public IReadOnlyList<Transfer> Transfers { get; }

    /// <summary>Rounds of repeated distribution, or null for the other methods.</summary>
    public int? Iterations { get; }

    /// <summary>Cost still in support departments when repeated distribution stopped (currency units, unrounded).</summary>
    public decimal? Residual { get; }

    internal Network Network { get; }

    internal decimal[] Flow { get; }

    internal long[] Pence { get; }

    internal long[] ReceivedPence { get; }

    /// <summary>Origins' sparse systems for this result, made on first use (see <see cref="Origins"/>).</summary>
    internal object? OriginFlowsCache { get; set; }
}

/// <summary>The transfers of a result, each made when it is read.</summary>
internal sealed class TransferList(Network network, decimal[] flow, long[] pence, int[] edges) : IReadOnlyList<Transfer>
{
    public int Count => edges.Length;

    public Transfer this[int index]
    {
        get
        {
            var e = edges[index];
            return new Transfer(network.Id(network.Supports[network.EdgeFrom[e]]), network.Id(network.EdgeTo[e]), AllocationResult.Pounds(pence[e]), flow[e] * 0.01m);
        }
    }

    public IEnumerator<Transfer> GetEnumerator()
    {
        for (var k = 0; k < edges.Length; k++)
        {
            yield return this[k];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
