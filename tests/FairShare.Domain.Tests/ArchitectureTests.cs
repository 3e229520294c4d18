namespace FairShare.Domain.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Domain_ReachesNothingOutward()
    {
        var references = typeof(FairShare.Domain.Money).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name =>
            name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || (name.StartsWith("FairShare.", StringComparison.Ordinal) && name != "FairShare.Allocation")
            || name.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_ReachesOnlyTheRechargeEngineAmongOurOwnAssemblies()
    {
        var ours = typeof(FairShare.Domain.Money).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("FairShare.", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(["FairShare.Allocation"], ours);
    }
}
