using FairShare.Allocation;

namespace FairShare.Benchmarks;

/// <summary>
/// A council-sized model, the same every time (fixed seed): support departments that serve each other in
/// cycles (each serves about a fifth of its links to other support departments, including a ring through
/// all of them) and operating departments, about <c>linksPerSupport</c> usage lines each.
/// </summary>
public static class LargeModel
{
    public static AllocationModel Create(int supports, int operating, int linksPerSupport, int seed = 20261124)
    {
        var rng = new Random(seed);
        var departments = new List<Department>(supports + operating);
        for (var s = 0; s < supports; s++)
        {
            departments.Add(new Department($"S{s:D4}", $"Support {s}", DepartmentKind.Support, rng.Next(1_000, 500_000_000) / 100m));
        }

        for (var o = 0; o < operating; o++)
        {
            departments.Add(new Department($"O{o:D4}", $"Operating {o}", DepartmentKind.Operating, rng.Next(1_000, 900_000_000) / 100m));
        }

        var usage = new List<UsageLine>(supports * linksPerSupport);
        for (var s = 0; s < supports; s++)
        {
            var from = $"S{s:D4}";
            usage.Add(new UsageLine(usage.Count + 1, from, $"S{(s + 1) % supports:D4}", rng.Next(1, 50)));
            var toSupport = linksPerSupport / 5;
            for (var k = 1; k < toSupport; k++)
            {
                var to = rng.Next(supports);
                if (to != s)
                {
                    usage.Add(new UsageLine(usage.Count + 1, from, $"S{to:D4}", rng.Next(1, 50)));
                }
            }

            for (var k = toSupport; k < linksPerSupport; k++)
            {
                usage.Add(new UsageLine(usage.Count + 1, from, $"O{rng.Next(operating):D4}", rng.Next(1, 200)));
            }
        }

        return new AllocationModel("GBP", departments, usage);
    }

    /// <summary>Writes a model as the JSON <c>fairshare allocate</c> reads.</summary>
    public static void Write(AllocationModel model, TextWriter writer)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        writer.Write("{\"currency\": \"GBP\",\n \"departments\": [\n");
        for (var i = 0; i < model.Departments.Count; i++)
        {
            var d = model.Departments[i];
            writer.Write($"  {{\"id\": \"{d.Id}\", \"name\": \"{d.Name}\", \"kind\": \"{(d.Kind == DepartmentKind.Support ? "support" : "operating")}\", \"cost\": \"{d.Cost.ToString("0.00", invariant)}\"}}{(i + 1 < model.Departments.Count ? "," : string.Empty)}\n");
        }

        writer.Write(" ],\n \"usage\": [\n");
        for (var i = 0; i < model.Usage.Count; i++)
        {
            var u = model.Usage[i];
            writer.Write($"  {{\"provider\": \"{u.Provider}\", \"receiver\": \"{u.Receiver}\", \"quantity\": {u.Quantity.ToString(invariant)}}}{(i + 1 < model.Usage.Count ? "," : string.Empty)}\n");
        }

        writer.Write(" ]}\n");
    }
}
