namespace FairShare.Allocation.Tests;

/// <summary>The promises every allocation keeps, checked with plain assertions.</summary>
public static class Invariants
{
    public static void Hold(AllocationModel model, AllocationResult result)
    {
        foreach (var d in result.Departments)
        {
            WholePence(d.DirectCost);
            WholePence(d.Received);
            WholePence(d.FinalCost);
            var incoming = result.Transfers.Where(t => t.To == d.Id).Sum(t => t.Amount);
            Assert.Equal(incoming, d.Received);
            if (d.Kind == DepartmentKind.Support)
            {
                Assert.Equal(0.00m, d.FinalCost);
                Assert.Equal(d.DirectCost + d.Received, d.PassedOn);
                Assert.Equal(d.PassedOn, result.Transfers.Where(t => t.From == d.Id).Sum(t => t.Amount));
            }
            else
            {
                Assert.Null(d.PassedOn);
                Assert.Equal(d.DirectCost + d.Received, d.FinalCost);
            }
        }

        var supportCost = model.Departments.Where(d => d.Kind == DepartmentKind.Support).Sum(d => d.Cost);
        Assert.Equal(supportCost, result.Departments.Where(d => d.Kind == DepartmentKind.Operating).Sum(d => d.Received));
        foreach (var t in result.Transfers)
        {
            WholePence(t.Amount);
            Assert.True(Math.Abs(t.Amount - t.ExactAmount) < 0.01m, $"{t.From}→{t.To}: {t.Amount} is a penny or more from {t.ExactAmount}");
            Assert.True(t.Amount >= 0);
        }
    }

    public static void OriginsHold(AllocationModel model, AllocationResult result, IReadOnlyList<OriginAmount> origins)
    {
        foreach (var o in origins)
        {
            WholePence(o.Amount);
            Assert.True(o.Amount > 0);
        }

        foreach (var d in result.Departments.Where(d => d.Kind == DepartmentKind.Operating))
        {
            Assert.Equal(d.Received, origins.Where(o => o.Receiver == d.Id).Sum(o => o.Amount));
        }

        foreach (var d in model.Departments.Where(d => d.Kind == DepartmentKind.Support))
        {
            Assert.Equal(d.Cost, origins.Where(o => o.Origin == d.Id).Sum(o => o.Amount));
        }
    }

    private static void WholePence(decimal amount) => Assert.Equal(decimal.Round(amount, 2), amount);
}
