using FairShare.Domain.Ledger;

namespace FairShare.Domain.Tests.Ledger;

public class ChargeTests
{
    [Fact]
    public void ACharge_WithoutASourceOrOfAnUnknownMechanism_IsAProgrammingError()
    {
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => new Charge(10, 1, null, new Money(1), ChargeMechanism.DirectAttribution, null!)).ParamName);
        Assert.Equal("mechanism", Assert.Throws<ArgumentOutOfRangeException>(() => new Charge(10, 1, null, new Money(1), (ChargeMechanism)99, new ChargeSource("x"))).ParamName);
    }
}
