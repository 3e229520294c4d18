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

        for (var i = 0; i < n; i++)
        {
            FilePosition[IndexOf[model.Departments[i].Id]] = i;
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

        // Bucket usage lines by provider, sort each bucket by receiver, add up repeated pairs.
        var supportCount = Supports.Length;
        var bucket = new int[supportCount + 1];
        var providerOf = new int[model.Usage.Count];
        var receiverOf = new int[model.Usage.Count];
        for (var k = 0; k < model.Usage.Count; k++)
        {
            var u = model.Usage[k];
            providerOf[k] = -1;
            if (u.Quantity <= 0 || u.Provider == u.Receiver)
            {
                continue;
            }

            providerOf[k] = SupportOf[IndexOf[u.Provider]];
            receiverOf[k] = IndexOf[u.Receiver];
            bucket[providerOf[k] + 1]++;
        }

        for (var s = 0; s < supportCount; s++)
        {
            bucket[s + 1] += bucket[s];
        }

        var total = bucket[supportCount];
        var receivers = new int[total];
        var quantities = new decimal[total];
        var fill = (int[])bucket.Clone();
        for (var k = 0; k < model.Usage.Count; k++)
        {
            if (providerOf[k] >= 0)
            {
                var at = fill[providerOf[k]]++;
                receivers[at] = receiverOf[k];
                quantities[at] = model.Usage[k].Quantity;
            }
        }

        // Compact in place: the arrays keep their length, EdgeCount says how much is used.
        var start = new int[supportCount + 1];
        var count = 0;
        for (var s = 0; s < supportCount; s++)
        {
            Array.Sort(receivers, quantities, bucket[s], bucket[s + 1] - bucket[s]);
            for (var k = bucket[s]; k < bucket[s + 1]; k++)
            {
                if (k > bucket[s] && receivers[k] == receivers[k - 1])
                {
                    quantities[count - 1] += quantities[k];
                    continue;
                }

                receivers[count] = receivers[k];
                quantities[count] = quantities[k];
                count++;
            }

            start[s + 1] = count;
        }

        EdgeCount = count;
        EdgeStart = start;
        EdgeTo = receivers;
        EdgeQuantity = quantities;
        EdgeFrom = providerOf;
        for (var s = 0; s < supportCount; s++)
        {
            for (var e = start[s]; e < start[s + 1]; e++)
            {
                EdgeFrom[e] = s;
            }
        }
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
