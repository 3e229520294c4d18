using System.Diagnostics;
using BenchmarkDotNet.Running;
using FairShare.Allocation;
using FairShare.Benchmarks;

// `generate FILE` writes the large model for whole-process timing; `quick` prints stopwatch figures;
// anything else runs BenchmarkDotNet (e.g. --filter '*' --job short).
if (args is ["generate", var path])
{
    using var writer = new StreamWriter(path);
    LargeModel.Write(LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200), writer);
    return 0;
}

if (args is ["quick", ..])
{
    var model = LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200);
    Console.WriteLine($"{model.Departments.Count} departments, {model.Usage.Count} usage lines");
    for (var i = 0; i < 3; i++)
    {
        var w = Stopwatch.StartNew();
        ModelValidation.Validate(model);
        var tValidate = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var network = new Network(model);
        var tNetwork = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var flow = new decimal[network.EdgeCount];
        Methods.Reciprocal(network, flow);
        var tSolve = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var pence = PennyRounding.Round(network, flow);
        var tRound = w.Elapsed.TotalMilliseconds;
        w.Restart();
        _ = new AllocationResult(AllocationMethod.Reciprocal, network, flow, pence, null, null);
        var tResult = w.Elapsed.TotalMilliseconds;
        Console.WriteLine($"validate {tValidate:F1}, network {tNetwork:F1}, solve+flow {tSolve:F1}, rounding {tRound:F1}, result {tResult:F1} ms");
    }

    AllocationResult? result = null;
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        result = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
        Console.WriteLine($"reciprocal + rounding: {watch.Elapsed.TotalMilliseconds:F1} ms");
    }

    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        Origins.ForReceiver(result!, "O0042");
        Console.WriteLine($"origins of one receiver: {watch.Elapsed.TotalMilliseconds:F1} ms");
    }

    if (args.Length > 5)
    {
        return 0;
    }

    var all = Stopwatch.StartNew();
    var origins = Origins.ForAll(result!);
    Console.WriteLine($"origins of every receiver: {all.Elapsed.TotalMilliseconds:F0} ms ({origins.Count} amounts)");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(AllocationBenchmarks).Assembly).Run(args);
return 0;
