namespace FairShare.Allocation;

/// <summary>
/// The model in canonical form: departments sorted by ordinal id (so results never depend on the order
/// of the file), usage lines from the same provider to the same receiver added together, self-use and
/// zero quantities dropped. Edges are stored per support provider (compressed rows), receivers ascending.
/// Amounts are in pence.
/// </summary>
internal sealed class Network
{
    public Network(AllocationModel model)
        : this(model, UsageEnds.Resolve(model))
    {
    }

    /// <summary>Builds the network from usage whose ends are already resolved (validation resolves them once for both).</summary>
    internal Network(AllocationModel model, UsageEnds ends)
    {
        Currency = model.Currency;
        var n = model.Departments.Count;
        Departments = [.. model.Departments.OrderBy(d => d.Id, StringComparer.Ordinal)];
        FilePosition = new int[n];
        IndexOf = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            IndexOf[Departments[i].Id] = i;
        }

        var canonical = new int[n];
        for (var i = 0; i < n; i++)
        {
            canonical[i] = IndexOf[model.Departments[i].Id];
            FilePosition[canonical[i]] = i;
        }

        SupportOf = new int[n];
        var supports = new List<int>();
        CostPence = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            CostPence[i] = Departments[i].Cost * 100m;
            if (Departments[i].Kind == DepartmentKind.Support)
            {
                SupportOf[i] = supports.Count;
                supports.Add(i);
            }
            else
            {
                SupportOf[i] = -1;
            }
        }

        Supports = [.. supports];

        // Order usage lines by provider, then receiver (two stable counting sorts: linear, no comparisons),
        // adding up repeated pairs.
        var supportCount = Supports.Length;
        var usageCount = model.Usage.Count;
        var providerOf = new int[usageCount];
        var receiverOf = new int[usageCount];
        var byReceiver = new int[n + 1];
        var bucket = new int[supportCount + 1];
        for (var k = 0; k < usageCount; k++)
        {
            providerOf[k] = -1;
            if (model.Usage[k].Quantity <= 0 || ends.Provider[k] == ends.Receiver[k])
            {
                continue;
            }

            providerOf[k] = SupportOf[canonical[ends.Provider[k]]];
            receiverOf[k] = canonical[ends.Receiver[k]];
            byReceiver[receiverOf[k] + 1]++;
            bucket[providerOf[k] + 1]++;
        }

        for (var d = 0; d < n; d++)
        {
            byReceiver[d + 1] += byReceiver[d];
        }

        for (var s = 0; s < supportCount; s++)
        {
            bucket[s + 1] += bucket[s];
        }

        var total = bucket[supportCount];
        var receiverOrder = new int[total];
        for (var k = 0; k < usageCount; k++)
        {
            if (providerOf[k] >= 0)
            {
                receiverOrder[byReceiver[receiverOf[k]]++] = k;
            }
        }

        var lines = new int[total];
        for (var j = 0; j < total; j++)
        {
            var k = receiverOrder[j];
            lines[bucket[providerOf[k]]++] = k;
        }

        var receivers = new int[total];
        var quantities = new decimal[total];
        var start = new int[supportCount + 1];
        var from = new int[total];
        var count = 0;
        for (var j = 0; j < total; j++)
        {
            var k = lines[j];
            var s = providerOf[k];
            if (count > 0 && from[count - 1] == s && receivers[count - 1] == receiverOf[k])
            {
                quantities[count - 1] += model.Usage[k].Quantity;
                continue;
            }

            receivers[count] = receiverOf[k];
            quantities[count] = model.Usage[k].Quantity;
            from[count] = s;
            count++;
            start[s + 1] = count;
        }

        // Providers with no edges start where the one before ends.
        for (var s = 0; s < supportCount; s++)
        {
            start[s + 1] = Math.Max(start[s + 1], start[s]);
        }

        EdgeCount = count;
        EdgeStart = start;
        EdgeTo = receivers;
        EdgeQuantity = quantities;
        EdgeFrom = from;
    }

    public string Currency { get; }

    /// <summary>Departments in canonical (ordinal id) order.</summary>
    public Department[] Departments { get; }

    /// <summary>Position in the model file of each canonical department, for presenting results.</summary>
    public int[] FilePosition { get; }

    public Dictionary<string, int> IndexOf { get; }

    /// <summary>Support number of each department, or -1 for operating departments.</summary>
    public int[] SupportOf { get; }

    /// <summary>Department index of each support department, in canonical order.</summary>
    public int[] Supports { get; }

    public decimal[] CostPence { get; }

    public int[] EdgeStart { get; }

    /// <summary>Provider's support number for each edge.</summary>
    public int[] EdgeFrom { get; }

    /// <summary>Receiver's department index for each edge.</summary>
    public int[] EdgeTo { get; }

    public decimal[] EdgeQuantity { get; }

    public int EdgeCount { get; }

    public bool IsSupport(int department) => SupportOf[department] >= 0;

    public string Id(int department) => Departments[department].Id;
}

/// <summary>
/// Each usage line's provider and receiver as a position in the model's department list (the first
/// department with that id), or -1 for an id that is no department. Found once, for validation and the
/// network alike; consecutive lines from one provider (the usual file) cost one lookup.
/// </summary>
internal sealed class UsageEnds
{
    private UsageEnds(int[] provider, int[] receiver)
    {
        Provider = provider;
        Receiver = receiver;
    }

    public int[] Provider { get; }

    public int[] Receiver { get; }

    public static UsageEnds Resolve(AllocationModel model)
    {
        var positionOf = new Dictionary<string, int>(model.Departments.Count, StringComparer.Ordinal);
        for (var i = 0; i < model.Departments.Count; i++)
        {
            positionOf.TryAdd(model.Departments[i].Id, i);
        }

        var count = model.Usage.Count;
        var provider = new int[count];
        var receiver = new int[count];
        string? lastProvider = null;
        var lastPosition = -1;
        for (var k = 0; k < count; k++)
        {
            var u = model.Usage[k];
            if (!string.Equals(u.Provider, lastProvider, StringComparison.Ordinal))
            {
                lastProvider = u.Provider;
                lastPosition = positionOf.GetValueOrDefault(u.Provider, -1);
            }

            provider[k] = lastPosition;
            receiver[k] = positionOf.GetValueOrDefault(u.Receiver, -1);
        }

        return new UsageEnds(provider, receiver);
    }
}
