using System.Globalization;

namespace FairShare.Allocation;

/// <summary>
/// The checks a model must pass before any method runs. Each check is a small function that returns
/// problems; they all run, so the user sees every problem at once.
/// </summary>
public static class ModelValidation
{
    public static IReadOnlyList<ModelProblem> Validate(AllocationModel model) => Validate(model, skipGraphChecks: false, out _);

    internal static List<ModelProblem> Validate(AllocationModel model, bool skipGraphChecks) => Validate(model, skipGraphChecks, out _);

    /// <summary>Validates, and hands back the canonical network built for the graph check so it is built once.</summary>
    internal static List<ModelProblem> Validate(AllocationModel model, bool skipGraphChecks, out Network? network)
    {
        network = null;
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<ModelProblem>();
        if (model.Departments.Count == 0)
        {
            problems.Add(new ModelProblem(ProblemKind.EmptyModel, "The model has no departments."));
            return problems;
        }

        problems.AddRange(CheckValues(model));
        problems.AddRange(CheckDuplicateIds(model));
        problems.AddRange(CheckOperatingExists(model));
        var ends = UsageEnds.Resolve(model);
        problems.AddRange(CheckUsageIds(model, ends));
        problems.AddRange(CheckStepDownOrder(model));
        if (!skipGraphChecks && problems.Count == 0)
        {
            network = new Network(model, ends);
            if (SomeSupportCannotReachAnOperatingDepartment(network))
            {
                problems.AddRange(CheckEveryCostCanReachAnOperatingDepartment(model));
            }
        }

        return problems;
    }

    private static IEnumerable<ModelProblem> CheckValues(AllocationModel model)
    {
        foreach (var d in model.Departments)
        {
            if (d.Cost < 0)
            {
                yield return new ModelProblem(ProblemKind.Negative, $"Department {d.Id}: cost {d.Cost} is negative.", [d.Id], []);
            }
            else if (decimal.Round(d.Cost, 2) != d.Cost)
            {
                yield return new ModelProblem(ProblemKind.FractionOfPenny, $"Department {d.Id}: cost {d.Cost} has fractions of a penny.", [d.Id], []);
            }
            else if (d.Cost > AllocationModelParser.MaximumValue)
            {
                yield return new ModelProblem(ProblemKind.TooLarge, $"Department {d.Id}: cost {d.Cost} is too large.", [d.Id], []);
            }
        }

        foreach (var u in model.Usage)
        {
            if (u.Quantity < 0)
            {
                yield return new ModelProblem(
                    ProblemKind.Negative, $"Usage line {u.Line}: quantity {u.Quantity}{Between(u.Provider, u.Receiver, model.Departments)} is negative.", [u.Provider, u.Receiver], [u.Line]);
            }
            else if (u.Quantity > AllocationModelParser.MaximumValue)
            {
                yield return new ModelProblem(
                    ProblemKind.TooLarge, $"Usage line {u.Line}: quantity {u.Quantity}{Between(u.Provider, u.Receiver, model.Departments)} is too large.", [u.Provider, u.Receiver], [u.Line]);
            }
        }
    }

    private static IEnumerable<ModelProblem> CheckDuplicateIds(AllocationModel model)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < model.Departments.Count; i++)
        {
            var id = model.Departments[i].Id;
            if (!positions.TryGetValue(id, out var list))
            {
                positions[id] = list = [];
            }

            list.Add(i + 1);
        }

        foreach (var (id, list) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (list.Count > 1)
            {
                yield return new ModelProblem(
                    ProblemKind.DuplicateId,
                    $"Department id \"{id}\" is used more than once (departments {JoinAnd(list.Select(p => p.ToString(CultureInfo.InvariantCulture)))}).",
                    [id],
                    []);
            }
        }
    }

    private static IEnumerable<ModelProblem> CheckOperatingExists(AllocationModel model)
    {
        if (!model.Departments.Any(d => d.Kind == DepartmentKind.Operating))
        {
            yield return new ModelProblem(
                ProblemKind.NoOperatingDepartments,
                "The model has no operating departments, so support costs have nowhere to go.");
        }
    }

    private static IEnumerable<ModelProblem> CheckUsageIds(AllocationModel model, UsageEnds ends)
    {
        for (var k = 0; k < model.Usage.Count; k++)
        {
            var u = model.Usage[k];
            if (ends.Provider[k] < 0)
            {
                yield return new ModelProblem(ProblemKind.UnknownDepartment, $"Usage line {u.Line}: provider \"{u.Provider}\" is not a department.", [u.Provider], [u.Line]);
            }
            else if (model.Departments[ends.Provider[k]].Kind == DepartmentKind.Operating && u.Provider != u.Receiver && u.Quantity > 0)
            {
                yield return new ModelProblem(
                    ProblemKind.OperatingProvider,
                    $"Usage line {u.Line}: provider \"{u.Provider}\" is an operating department; only support departments pass costs on.",
                    [u.Provider],
                    [u.Line]);
            }

            if (ends.Receiver[k] < 0)
            {
                yield return new ModelProblem(ProblemKind.UnknownDepartment, $"Usage line {u.Line}: receiver \"{u.Receiver}\" is not a department.", [u.Receiver], [u.Line]);
            }
        }
    }

    private static IEnumerable<ModelProblem> CheckStepDownOrder(AllocationModel model)
    {
        // Assigned before the test (not `is not { } order`), so that Stryker can mutate this method (docs/mutation.md).
        var order = model.StepDownOrder;
        if (order is null)
        {
            yield break;
        }

        var kinds = new Dictionary<string, DepartmentKind>(StringComparer.Ordinal);
        foreach (var d in model.Departments)
        {
            kinds.TryAdd(d.Id, d.Kind);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in order)
        {
            if (!kinds.TryGetValue(id, out var kind))
            {
                yield return new ModelProblem(ProblemKind.BadStepDownOrder, $"stepDownOrder names \"{id}\", which is not a department.", [id], []);
            }
            else if (kind == DepartmentKind.Operating)
            {
                yield return new ModelProblem(ProblemKind.BadStepDownOrder, $"stepDownOrder names \"{id}\", which is an operating department; list support departments only.", [id], []);
            }
            else if (!seen.Add(id))
            {
                yield return new ModelProblem(ProblemKind.BadStepDownOrder, $"stepDownOrder names \"{id}\" more than once.", [id], []);
            }
        }

        var missing = model.Departments
            .Where(d => d.Kind == DepartmentKind.Support && !seen.Contains(d.Id))
            .Select(d => d.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            yield return new ModelProblem(
                ProblemKind.BadStepDownOrder,
                $"stepDownOrder must list every support department; it leaves out {JoinAnd(missing)}.",
                missing,
                []);
        }
    }

    /// <summary>The quick test on the canonical network; the detailed check (naming lines) runs only if it fails.</summary>
    internal static bool SomeSupportCannotReachAnOperatingDepartment(Network network)
    {
        var supports = network.Supports.Length;
        var incomingStart = new int[supports + 1];
        var reaches = new bool[supports];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var to = network.SupportOf[network.EdgeTo[e]];
            if (to >= 0)
            {
                incomingStart[to + 1]++;
            }
            else
            {
                reaches[network.EdgeFrom[e]] = true;
            }
        }

        for (var s = 0; s < supports; s++)
        {
            incomingStart[s + 1] += incomingStart[s];
        }

        var incoming = new int[incomingStart[supports]];
        var fill = (int[])incomingStart.Clone();
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var to = network.SupportOf[network.EdgeTo[e]];
            if (to >= 0)
            {
                incoming[fill[to]++] = network.EdgeFrom[e];
            }
        }

        var queue = new Queue<int>();
        for (var s = 0; s < supports; s++)
        {
            if (reaches[s])
            {
                queue.Enqueue(s);
            }
        }

        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            for (var k = incomingStart[v]; k < incomingStart[v + 1]; k++)
            {
                if (!reaches[incoming[k]])
                {
                    reaches[incoming[k]] = true;
                    queue.Enqueue(incoming[k]);
                }
            }
        }

        for (var s = 0; s < supports; s++)
        {
            // An idle department (no cost, serves and receives nothing) is harmless.
            if (!reaches[s] && (network.CostPence[network.Supports[s]] != 0 || network.EdgeStart[s + 1] > network.EdgeStart[s] || incomingStart[s + 1] > incomingStart[s]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A support department whose cost cannot reach an operating department makes the reciprocal
    /// equations singular. Such departments form "closed" groups: strongly connected components of the
    /// support-to-support graph with no way out. Each is named with the usage lines that tie it together.
    /// </summary>
    private static List<ModelProblem> CheckEveryCostCanReachAnOperatingDepartment(AllocationModel model)
    {
        var problems = new List<ModelProblem>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var departments = model.Departments.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < departments.Length; i++)
        {
            index[departments[i].Id] = i;
        }

        var n = departments.Length;
        var outEdges = new List<(int To, int Line)>[n];
        var inEdges = new List<(int From, int Line)>[n];
        for (var i = 0; i < n; i++)
        {
            outEdges[i] = [];
            inEdges[i] = [];
        }

        foreach (var u in model.Usage)
        {
            if (u.Quantity <= 0 || u.Provider == u.Receiver)
            {
                continue;
            }

            var p = index[u.Provider];
            var r = index[u.Receiver];
            outEdges[p].Add((r, u.Line));
            inEdges[r].Add((p, u.Line));
        }

        // Backwards search from every operating department: who can reach one?
        var reaches = new bool[n];
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (departments[i].Kind == DepartmentKind.Operating)
            {
                reaches[i] = true;
                queue.Enqueue(i);
            }
        }

        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var (from, _) in inEdges[v])
            {
                if (!reaches[from])
                {
                    reaches[from] = true;
                    queue.Enqueue(from);
                }
            }
        }

        var stuck = Enumerable.Range(0, n).Where(i => !reaches[i]).ToList();
        if (stuck.Count == 0)
        {
            return problems;
        }

        var component = StronglyConnectedComponents(n, stuck, outEdges);
        var groups = stuck.GroupBy(i => component[i]).Select(g => g.Order().ToList()).ToList();
        foreach (var group in groups.OrderBy(g => g[0]))
        {
            var c = component[group[0]];
            var leaves = group.Any(v => outEdges[v].Any(e => component[e.To] != c));
            if (leaves)
            {
                continue; // it feeds a closed group, which is reported itself
            }

            var ids = group.Select(v => departments[v].Id).ToList();
            if (group.Count == 1)
            {
                var d = departments[group[0]];
                var incoming = inEdges[group[0]];
                if (d.Cost > 0)
                {
                    problems.Add(new ModelProblem(
                        ProblemKind.CostWithoutReceivers,
                        $"Support department {Describe(d)} has a cost of {Money(d.Cost)} but serves no other department, so its cost cannot be passed on.",
                        ids,
                        []));
                }
                else if (incoming.Count > 0)
                {
                    var lines = incoming.Select(e => e.Line).Order().ToList();
                    problems.Add(new ModelProblem(
                        ProblemKind.ClosedGroup,
                        $"Support department {Describe(d)} receives costs from {JoinAnd(incoming.Select(e => departments[e.From].Id).Distinct().Order(StringComparer.Ordinal))} (usage lines {JoinAnd(lines.Select(Text))}) but serves no other department, so they can never reach an operating department.",
                        ids,
                        lines));
                }

                continue;
            }

            var internalLines = group
                .SelectMany(v => outEdges[v].Where(e => component[e.To] == c).Select(e => e.Line))
                .Distinct()
                .Order()
                .ToList();
            problems.Add(new ModelProblem(
                ProblemKind.ClosedGroup,
                $"Support departments {JoinAnd(group.Select(v => Describe(departments[v])))} only serve each other (usage lines {JoinAnd(internalLines.Select(Text))}), so their costs can never reach an operating department: this closed loop has no solution.",
                ids,
                internalLines));
        }

        return problems;
    }

    private static int[] StronglyConnectedComponents(int n, List<int> nodes, List<(int To, int Line)>[] outEdges)
    {
        // Iterative Tarjan restricted to `nodes`.
        var inSet = new bool[n];
        foreach (var v in nodes)
        {
            inSet[v] = true;
        }

        var component = new int[n];
        Array.Fill(component, -1);
        var low = new int[n];
        var order = new int[n];
        Array.Fill(order, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var counter = 0;
        var components = 0;
        var call = new Stack<(int Node, int Edge)>();
        foreach (var root in nodes)
        {
            if (order[root] >= 0)
            {
                continue;
            }

            call.Push((root, 0));
            order[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (call.Count > 0)
            {
                var (v, e) = call.Pop();
                if (e < outEdges[v].Count)
                {
                    call.Push((v, e + 1));
                    var w = outEdges[v][e].To;
                    if (!inSet[w])
                    {
                        continue;
                    }

                    if (order[w] < 0)
                    {
                        order[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        call.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }

                    continue;
                }

                if (low[v] == order[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = components;
                    }
                    while (w != v);
                    components++;
                }

                if (call.Count > 0)
                {
                    var parent = call.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(Department d) => d.Name == d.Id ? d.Id : $"{d.Id} ({d.Name})";

    /// <summary>
    /// " from provider IT to receiver LEGAL (Legal services)": a line number alone makes the user count through
    /// the usage array to learn whose quantity is wrong. An id that is not a department is quoted as given.
    /// </summary>
    internal static string Between(string? provider, string? receiver, IReadOnlyList<Department> departments)
    {
        if (string.IsNullOrWhiteSpace(provider) || string.IsNullOrWhiteSpace(receiver))
        {
            return string.Empty;
        }

        return $" from provider {End(provider)} to receiver {End(receiver)}";

        string End(string id) => departments.FirstOrDefault(d => d.Id == id) is { } d ? Describe(d) : $"\"{id}\"";
    }

    internal static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    internal static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
