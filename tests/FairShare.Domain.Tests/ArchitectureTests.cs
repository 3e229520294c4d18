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
            || name.StartsWith("FairShare.", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
