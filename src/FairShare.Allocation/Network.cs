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

        // Aggregate usage per (provider, receiver) with one sort of packed keys.
        var keys = new long[model.Usage.Count];
        var quantities = new decimal[model.Usage.Count];
        var count = 0;
        foreach (var u in model.Usage)
        {
            if (u.Quantity <= 0 || u.Provider == u.Receiver)
            {
                continue;
            }

            var p = SupportOf[IndexOf[u.Provider]];
            var r = IndexOf[u.Receiver];
            keys[count] = ((long)p * n) + r;
            quantities[count] = u.Quantity;
            count++;
        }

        Array.Sort(keys, quantities, 0, count);
        var start = new int[Supports.Length + 1];
        var to = new List<int>(count);
        var qty = new List<decimal>(count);
        var last = -1L;
        for (var k = 0; k < count; k++)
        {
            if (keys[k] == last)
            {
                qty[^1] += quantities[k];
                continue;
            }

            last = keys[k];
            var provider = (int)(keys[k] / n);
            start[provider + 1]++;
            to.Add((int)(keys[k] % n));
            qty.Add(quantities[k]);
        }

        for (var s = 0; s < Supports.Length; s++)
        {
            start[s + 1] += start[s];
        }

        EdgeStart = start;
        EdgeTo = [.. to];
        EdgeQuantity = [.. qty];
        EdgeFrom = new int[EdgeTo.Length];
        for (var s = 0; s < Supports.Length; s++)
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

    public int EdgeCount => EdgeTo.Length;

    public bool IsSupport(int department) => SupportOf[department] >= 0;

    public string Id(int department) => Departments[department].Id;
}
