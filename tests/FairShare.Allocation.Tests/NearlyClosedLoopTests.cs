namespace FairShare.Allocation.Tests;

/// <summary>
/// Found by the property tests: a loop of support departments that pass on 99.998% of what they receive to
/// each other converges too slowly for Gauss–Seidel; the solver must still balance every penny.
/// </summary>
public class NearlyClosedLoopTests
{
    private const string Model = """
        {"currency": "GBP",
         "departments": [
          {"id": "S0", "name": "Support 0", "kind": "support", "cost": "627280000.00"},
          {"id": "S1", "name": "Support 1", "kind": "support", "cost": "391850000.00"},
          {"id": "S2", "name": "Support 2", "kind": "support", "cost": "0.09"},
          {"id": "O0", "name": "Operating 0", "kind": "operating", "cost": "865540.81"},
          {"id": "O1", "name": "Operating 1", "kind": "operating", "cost": "234890000.00"}],
         "usage": [
          {"provider": "S0", "receiver": "O0", "quantity": 4},
          {"provider": "S1", "receiver": "S0", "quantity": 1},
          {"provider": "S2", "receiver": "S1", "quantity": 5},
          {"provider": "S2", "receiver": "S2", "quantity": 4},
          {"provider": "S0", "receiver": "S1", "quantity": 986},
          {"provider": "S1", "receiver": "S2", "quantity": 282}]}
        """;

    [Fact]
    public void Reciprocal_NearlyClosedLoop_StillPassesEveryPennyOn()
    {
        var model = AllocationModelParser.Parse(Model).Model!;
        var result = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
        var operating = result.Departments.Single(d => d.Id == "O0");
        Assert.Equal(627_280_000.00m + 391_850_000.00m + 0.09m, operating.Received);
        Assert.All(result.Departments.Where(d => d.Kind == DepartmentKind.Support), d => Assert.Equal(0m, d.FinalCost));
        var exact = ExactReference.Transfers(model, AllocationMethod.Reciprocal);
        Assert.All(result.Transfers, t => Assert.True(Math.Abs(t.Amount - exact[(t.From, t.To)].ToDecimal()) <= 0.01m, $"{t.From}→{t.To}"));
    }
}
