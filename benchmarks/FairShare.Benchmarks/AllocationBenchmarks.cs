using BenchmarkDotNet.Attributes;
using FairShare.Allocation;

namespace FairShare.Benchmarks;

/// <summary>The model: 5,000 departments (1,000 support), about 200,000 usage lines, cycles among support departments.</summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private AllocationModel model = null!;
    private AllocationResult result = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = LargeModel.Create(supports: 1_000, operating: 4_000, linksPerSupport: 200);
        result = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
    }

    [Benchmark(Description = "reciprocal + penny rounding (5,000 depts, 200k links)")]
    public AllocationResult Reciprocal() => Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;

    /// <summary>The first call on a result also builds its origin systems (once per result); this measures later calls.</summary>
    [Benchmark(Description = "origins of one receiver")]
    public IReadOnlyList<OriginAmount> OriginsOfOneReceiver() => Origins.ForReceiver(result, "O0042");

    [Benchmark(Description = "origins of every receiver")]
    public IReadOnlyList<OriginAmount> OriginsOfEveryReceiver() => Origins.ForAll(result);
}
