using FairShare.Domain.Ledger;

namespace FairShare.Domain.Tests.Ledger;

public class AccountTests
{
    [Fact]
    public void AnAccount_IsTrimmed_AndHasAnEmptyUseWhenGivenNone()
    {
        var account = new Account(" 6000 ", " Support services bought ", AccountKind.Expenditure, null!);

        Assert.Equal(("6000", "Support services bought", ""), (account.Code, account.Name, account.Use));
        Assert.Equal("Support bought from other services", new Account("6000", "Bought", AccountKind.Expenditure, "Support bought from other services").Use);
    }

    [Fact]
    public void AnAccount_WithoutACodeOrNameOrOfAnUnknownKind_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => new Account(" ", "Name", AccountKind.Expenditure, "use"));
        Assert.Throws<ArgumentException>(() => new Account("6000", "", AccountKind.Expenditure, "use"));
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Account("6000", "Name", (AccountKind)99, "use")).ParamName);
    }
}
