using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FairShare.Allocation.Tests;

/// <summary>
/// A random valid model made from a seed: 1–7 support departments, 1–5 operating ones, every support
/// department able to reach an operating one, extra links that make cycles (often a ring of three or
/// more), small equal quantities (ties), tiny costs (a few pence), self-use, zero and duplicate lines.
/// </summary>
public sealed class RandomModel
{
    public RandomModel(int seed)
    {
        Seed = seed;
        Model = Generate(new Random(seed));
    }

    public int Seed { get; }

    public AllocationModel Model { get; }

    public override string ToString() => $"seed {Seed}: {ModelJson.Write(Model)}";

    private static AllocationModel Generate(Random rng)
    {
        var supportCount = rng.Next(1, 8);
        var operatingCount = rng.Next(1, 6);
        var departments = new List<Department>();
        for (var i = 0; i < supportCount; i++)
        {
            departments.Add(new Department($"S{i}", $"Support {i}", DepartmentKind.Support, Cost(rng)));
        }

        for (var i = 0; i < operatingCount; i++)
        {
            departments.Add(new Department($"O{i}", $"Operating {i}", DepartmentKind.Operating, Cost(rng)));
        }

        var links = new List<(string From, string To, decimal Quantity)>();
        string Operating() => $"O{rng.Next(operatingCount)}";
        for (var i = 0; i < supportCount; i++)
        {
            var to = i == 0 || rng.NextDouble() < 0.5 ? Operating() : $"S{rng.Next(i)}";
            links.Add(($"S{i}", to, Quantity(rng)));
        }

        for (var k = rng.Next(supportCount * 3); k > 0; k--)
        {
            links.Add(($"S{rng.Next(supportCount)}", $"S{rng.Next(supportCount)}", Quantity(rng)));
        }

        for (var k = rng.Next(supportCount * 2); k > 0; k--)
        {
            links.Add(($"S{rng.Next(supportCount)}", Operating(), Quantity(rng)));
        }

        if (supportCount >= 3 && rng.NextDouble() < 0.6)
        {
            var ring = Enumerable.Range(0, supportCount).OrderBy(_ => rng.Next()).Take(rng.Next(3, supportCount + 1)).ToList();
            for (var k = 0; k < ring.Count; k++)
            {
                links.Add(($"S{ring[k]}", $"S{ring[(k + 1) % ring.Count]}", Quantity(rng)));
            }
        }

        var usage = new List<UsageLine>();
        foreach (var (from, to, quantity) in links)
        {
            if (rng.NextDouble() < 0.1 && quantity > 1)
            {
                // the same link written as two lines
                usage.Add(new UsageLine(usage.Count + 1, from, to, 1));
                usage.Add(new UsageLine(usage.Count + 1, from, to, quantity - 1));
            }
            else
            {
                usage.Add(new UsageLine(usage.Count + 1, from, to, quantity));
            }

            if (rng.NextDouble() < 0.05)
            {
                usage.Add(new UsageLine(usage.Count + 1, from, from, Quantity(rng))); // self-use, ignored
            }

            if (rng.NextDouble() < 0.05)
            {
                usage.Add(new UsageLine(usage.Count + 1, from, Operating(), 0));
            }
        }

        return new AllocationModel("GBP", departments, usage);
    }

    private static decimal Cost(Random rng) => rng.Next(10) switch
    {
        0 => 0m,
        1 or 2 => rng.Next(1, 10) / 100m,
        3 => rng.Next(1, 100_000) * 10_000m,
        _ => rng.Next(0, 100_000_000) / 100m,
    };

    private static decimal Quantity(Random rng) => rng.Next(8) switch
    {
        0 => rng.Next(1, 1000),
        1 => rng.Next(1, 8) / 4m,
        _ => rng.Next(1, 6),
    };
}

/// <summary>Shuffles a model's departments and usage lines (line numbers follow the new order).</summary>
public static class Shuffle
{
    public static AllocationModel Of(AllocationModel model, int seed)
    {
        var rng = new Random(seed);
        var departments = model.Departments.OrderBy(_ => rng.Next()).ToList();
        var usage = model.Usage.OrderBy(_ => rng.Next()).Select((u, i) => u with { Line = i + 1 }).ToList();
        return new AllocationModel(model.Currency, departments, usage, model.StepDownOrder);
    }
}

public static class Arbitraries
{
    public static Arbitrary<RandomModel> RandomModels() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => new RandomModel(seed)));
}

/// <summary>Writes a model back to the JSON the parser reads.</summary>
public static class ModelJson
{
    public static string Write(AllocationModel model)
    {
        var json = new StringBuilder();
        json.Append("{\"currency\": \"").Append(model.Currency).Append("\",\n \"departments\": [\n");
        json.AppendJoin(",\n", model.Departments.Select(d =>
            $"  {{\"id\": \"{d.Id}\", \"name\": \"{d.Name}\", \"kind\": \"{(d.Kind == DepartmentKind.Support ? "support" : "operating")}\", \"cost\": \"{d.Cost.ToString("0.00", CultureInfo.InvariantCulture)}\"}}"));
        json.Append("],\n \"usage\": [\n");
        json.AppendJoin(",\n", model.Usage.Select(u =>
            $"  {{\"provider\": \"{u.Provider}\", \"receiver\": \"{u.Receiver}\", \"quantity\": {u.Quantity.ToString(CultureInfo.InvariantCulture)}}}"));
        json.Append(']');
        if (model.StepDownOrder is { } order)
        {
            json.Append(",\n \"stepDownOrder\": [").AppendJoin(", ", order.Select(id => $"\"{id}\"")).Append(']');
        }

        json.Append("}\n");
        return json.ToString();
    }
}
