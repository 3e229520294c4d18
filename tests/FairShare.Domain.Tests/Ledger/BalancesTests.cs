using FairShare.Domain.Ledger;
using static FairShare.Domain.Tests.Ledger.LedgerBuilders;

namespace FairShare.Domain.Tests.Ledger;

public class BalancesTests
{
    [Fact]
    public void Balances_OfNoPostingsList_IsAProgrammingError()
    {
        Assert.Equal("postings", Assert.Throws<ArgumentNullException>(() => Balances.NetCostByCostCentre(null!)).ParamName);
        Assert.Equal("postings", Assert.Throws<ArgumentNullException>(() => Balances.ByAccount(null!)).ParamName);
    }

    [Fact]
    public void ANetCostPastTheLargestAmount_OverflowsLoudlyRatherThanWrapping() =>
        Assert.Throws<OverflowException>(() => Balances.NetCostByCostCentre([P(10, "6000", long.MaxValue), P(10, "6000", 1)]));
}
