using System.Diagnostics;
using BenchmarkDotNet.Running;
using FairShare.Allocation;
using FairShare.Benchmarks;

// `generate FILE` writes the large model for whole-process timing; `quick` prints stopwatch figures;
// `csv FILE` times reading a CSV file's rows alone (the floor under an import);
// `council FOLDER [POSTGRES]` creates the large council for scripts/bench-recharge.sh;
// anything else runs BenchmarkDotNet (e.g. --filter '*' --job short).
if (args is ["generate", var path])
{
    using var writer = new StreamWriter(path);
    LargeModel.Write(LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200), writer);
    return 0;
}

if (args is ["council", var folder, .. var rest])
{
    // The large council for the recharge benchmark: the database (SQLite in FOLDER, or PostgreSQL with a
    // connection string after it) and its import files in FOLDER.
    var options = rest is [var connection]
        ? new FairShare.Persistence.DatabaseOptions { Provider = "Postgres", ConnectionString = connection }
        : new FairShare.Persistence.DatabaseOptions { DataFolder = folder };
    Directory.CreateDirectory(folder);
    await LargeCouncil.CreateAsync(options);
    LargeCouncil.WriteCosts(Path.Combine(folder, "costs.csv"));
    LargeCouncil.WriteDrivers(Path.Combine(folder, "drivers.csv"));
    LargeCouncil.WriteUsage(Path.Combine(folder, "usage-1.csv"), 1, 1_000_000);
    LargeCouncil.WriteUsage(Path.Combine(folder, "usage-2.csv"), 1_000_001, 1_000_000);
    return 0;
}

if (args is ["usecases", var where, .. var more])
{
    // The import and run use cases in this process, without the CLI's start-up (an empty database).
    var options = more is [var connection]
        ? new FairShare.Persistence.DatabaseOptions { Provider = "Postgres", ConnectionString = connection }
        : new FairShare.Persistence.DatabaseOptions { DataFolder = where };
    Directory.CreateDirectory(where);
    await LargeCouncil.TimeUseCasesAsync(options, where, 1_000_000);
    return 0;
}

if (args is ["pipeline", var file])
{
    // The CLI's steps one by one, for the whole-process figure's breakdown.
    for (var i = 0; i < 3; i++)
    {
        var w = Stopwatch.StartNew();
        var text = File.ReadAllText(file);
        var tRead = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var read = AllocationModelParser.Parse(text);
        var tParse = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var allocated = Allocator.Allocate(read.Model!, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
        var tAllocate = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var json = Formatting.ToJson(allocated);
        var tFormat = w.Elapsed.TotalMilliseconds;
        Console.WriteLine($"read {tRead:F0} ms, parse+validate {tParse:F0} ms, allocate {tAllocate:F0} ms, JSON {tFormat:F0} ms ({json.Length:N0} chars)");
    }

    return 0;
}

if (args is ["csv", var csvFile])
{
    // Reading a usage file's rows alone (no checks, no writing): the import's floor for CSV.
    var content = File.ReadAllBytes(csvFile);
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        foreach (var (_, cells, _) in FairShare.Features.Imports.TabularFile.Open(csvFile, content).File!.Rows)
        {
            count += cells.Length;
        }
        Console.WriteLine($"{count:N0} cells in {watch.Elapsed.TotalMilliseconds:F0} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:F0} MB allocated");
    }

    return 0;
}

if (args is ["repeat", var times])
{
    // For a profiler: the reciprocal allocation, again and again.
    var model = LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200);
    for (var i = 0; i < int.Parse(times, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal));
    }

    return 0;
}

if (args is ["time"])
{
    // Twenty timed allocations, after three to warm up.
    var model = LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200);
    for (var i = 0; i < 23; i++)
    {
        var watch = Stopwatch.StartNew();
        Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal));
        if (i >= 3)
        {
            Console.WriteLine($"reciprocal + rounding: {watch.Elapsed.TotalMilliseconds:F1} ms");
        }
    }

    return 0;
}

if (args is ["quick", ..])
{
    var model = LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200);
    Console.WriteLine($"{model.Departments.Count} departments, {model.Usage.Count} usage lines");
    // Where the time goes: the best of ten runs of each phase.
    var best = new double[6];
    Array.Fill(best, double.MaxValue);
    var bytes = new long[6];
    for (var i = 0; i < 10; i++)
    {
        var phase = 0;
        var w = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        void Lap()
        {
            best[phase] = Math.Min(best[phase], w.Elapsed.TotalMilliseconds);
            var now = GC.GetAllocatedBytesForCurrentThread();
            bytes[phase++] = now - allocated;
            allocated = now;
            w.Restart();
        }

        ModelValidation.Validate(model, skipGraphChecks: true);
        Lap();
        var network = new Network(model);
        Lap();
        ModelValidation.SomeSupportCannotReachAnOperatingDepartment(network);
        Lap();
        var flow = new decimal[network.EdgeCount];
        Methods.Reciprocal(network, flow);
        Lap();
        var pence = PennyRounding.Round(network, flow);
        Lap();
        _ = new AllocationResult(AllocationMethod.Reciprocal, network, flow, pence, null, null);
        Lap();
    }

    Console.WriteLine($"best of 10: id checks {best[0]:F1}, network {best[1]:F1}, graph check {best[2]:F1}, solve+flow {best[3]:F1}, rounding {best[4]:F1}, result {best[5]:F1} ms");
    Console.WriteLine($"allocated (MB): {string.Join(", ", bytes.Select(b => (b / 1e6).ToString("F1")))}");

    AllocationResult? result = null;
    for (var i = 0; i < 10; i++)
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

    for (var i = 0; i < 3; i++)
    {
        var fresh = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
        // Collect the allocation's garbage first, so the figure is the origins' own work.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        Origins.ForReceiver(fresh, "O0042");
        Console.WriteLine($"origins of one receiver, first call on a fresh result (builds its origin systems): {watch.Elapsed.TotalMilliseconds:F1} ms");
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
