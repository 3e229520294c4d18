using BenchmarkDotNet.Attributes;
using FairShare.Allocation;
using MathNet.Numerics.LinearAlgebra;

namespace FairShare.Benchmarks;

/// <summary>
/// The support-department equations alone, x = c + Aᵀx, solved three ways: the engine's sparse solve
/// (Gauss–Seidel in double, refined in decimal to 28 digits), the same Gauss–Seidel in double only, and
/// a dense LU factorisation (MathNet.Numerics) of I − Aᵀ, which needs n² memory and n³ time.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private SparseSystem system = null!;
    private decimal[] costs = null!;
    private double[] costsDouble = null!;
    private Matrix<double> dense = null!;
    private Vector<double> rightHandSide = null!;

    [Params(500, 1_000, 2_000)]
    public int Supports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var model = LargeModel.Create(Supports, operating: 4 * Supports, linksPerSupport: 200);
        var network = new Network(model);
        var totals = new decimal[network.Supports.Length];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            totals[network.EdgeFrom[e]] += network.EdgeQuantity[e];
        }

        var triples = new List<(int Row, int Column, decimal Quantity)>();
        dense = Matrix<double>.Build.DenseIdentity(network.Supports.Length);
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var to = network.SupportOf[network.EdgeTo[e]];
            if (to >= 0)
            {
                var share = network.EdgeQuantity[e] / totals[network.EdgeFrom[e]];
                triples.Add((to, network.EdgeFrom[e], network.EdgeQuantity[e]));
                dense[to, network.EdgeFrom[e]] -= (double)share;
            }
        }

        system = SparseSystem.FromShares(network.Supports.Length, triples, totals);
        costs = [.. network.Supports.Select(d => network.CostPence[d])];
        costsDouble = [.. costs.Select(c => (double)c)];
        rightHandSide = Vector<double>.Build.DenseOfArray(costsDouble);
    }

    [Benchmark(Baseline = true, Description = "sparse, refined to decimal")]
    public decimal[] SparseDecimal() => system.SolveDecimal(costs);

    [Benchmark(Description = "sparse Gauss-Seidel, double")]
    public double[] SparseDouble() => system.Solve(costsDouble);

    [Benchmark(Description = "dense LU (MathNet)")]
    public Vector<double> DenseLu() => dense.LU().Solve(rightHandSide);
}
