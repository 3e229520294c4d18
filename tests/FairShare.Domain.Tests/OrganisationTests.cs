using FairShare.Allocation;

namespace FairShare.Domain.Tests;

public class OrganisationTests
{
    private static readonly Authority Leeds = new("lds", "Leeds City Council");

    private static CostCentre Centre(CostCentreKind kind = CostCentreKind.Support) =>
        new(new Directorate(Leeds, "RES", "Resources"), "L100", "Legal services", kind);

    [Fact]
    public void AnAuthority_KeepsItsCodeInCapitals_AndItsYearStartsInApril()
    {
        Assert.Equal(("LDS", "Leeds City Council", 4), (Leeds.Code, Leeds.Name, Leeds.YearStartMonth));
        Assert.Equal(AllocationMethod.Reciprocal, Leeds.RechargeMethod);
        Assert.Equal(2026, Leeds.FinancialYearOf(new DateOnly(2027, 3, 31)).StartYear);
        Assert.Equal(new FinancialYear(2027, 1), new Authority("X", "Calendar council", 1).FinancialYearStarting(2027));
    }

    [Theory]
    [InlineData(" ", "Leeds", 4)]
    [InlineData("LDS", "", 4)]
    [InlineData("LDS", "Leeds", 0)]
    [InlineData("LDS", "Leeds", 13)]
    public void AnAuthority_WithoutACodeOrNameOrWithAMonthThatIsNotOne_IsAProgrammingError(string code, string name, int month) =>
        Assert.ThrowsAny<ArgumentException>(() => new Authority(code, name, month));

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public void AnAuthority_MayStartItsYearInAnyMonth(int month) =>
        Assert.Equal(month, new Authority("X", "Council", month).YearStartMonth);

    [Theory]
    [InlineData(AllocationMethod.Direct, true)]
    [InlineData(AllocationMethod.StepDown, true)]
    [InlineData(AllocationMethod.Reciprocal, true)]
    [InlineData(AllocationMethod.RepeatedDistribution, false)]
    [InlineData((AllocationMethod)99, false)]
    public void TheRecharge_AllocatesByReciprocalDirectOrStepDownOnly(AllocationMethod method, bool accepted)
    {
        var authority = new Authority("X", "Council");
        authority.UseRechargeMethod(AllocationMethod.StepDown);

        var result = authority.UseRechargeMethod(method);

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted ? method : AllocationMethod.StepDown, authority.RechargeMethod);
    }

    [Fact]
    public void ADirectorateCostCentreOrSupplier_WithoutACodeOrName_IsAProgrammingError()
    {
        var resources = new Directorate(Leeds, "RES", "Resources");
        Assert.Throws<ArgumentException>(() => new Directorate(Leeds, "", "Resources"));
        Assert.Throws<ArgumentException>(() => new Directorate(Leeds, "RES", " "));
        Assert.Throws<ArgumentException>(() => new CostCentre(resources, " ", "Legal", CostCentreKind.Support));
        Assert.Throws<ArgumentException>(() => new CostCentre(resources, "L100", "", CostCentreKind.Support));
        Assert.Throws<ArgumentException>(() => new Supplier(Leeds, "", "Acme", "Cleaning"));
        Assert.Throws<ArgumentException>(() => new Supplier(Leeds, "ACME", " ", "Cleaning"));
        Assert.Equal(("ACME", "Acme Ltd", "Cleaning"), (new Supplier(Leeds, "ACME", "Acme Ltd", "Cleaning") is var s ? (s.Code, s.Name, s.Description) : default));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData(" FTE ", "FTE")]
    [InlineData("a driver name of exactly forty chars....", "a driver name of exactly forty chars....")]
    public void ASupportService_IsAllocatedByADriverNamedInFortyCharactersOrByWhatWasBought(string? driver, string? expected)
    {
        var legal = Centre();
        legal.AllocateBy("m²");

        var result = legal.AllocateBy(driver);

        Assert.True(result.IsSuccess);
        Assert.Equal(expected, legal.AllocationDriver);
    }

    [Fact]
    public void ADriverNameOfMoreThanFortyCharacters_IsRefused()
    {
        var legal = Centre();

        var result = legal.AllocateBy(new string('x', 41));

        Assert.Equal("A driver's name is at most 40 characters.", Assert.Single(result.Errors).Message);
        Assert.Null(legal.AllocationDriver);
    }

    [Theory]
    [InlineData(CostCentreKind.Frontline)]
    [InlineData(CostCentreKind.CorporateAndDemocraticCore)]
    [InlineData(CostCentreKind.NonDistributedCosts)]
    public void OnlyASupportService_IsAllocated(CostCentreKind kind)
    {
        var result = Centre(kind).AllocateBy("FTE");

        Assert.Equal("L100 Legal services is not a support service: only support services' costs are allocated.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void ABudget_IsSetOncePerYear_AndAmendedAfterwards()
    {
        var legal = Centre();
        var year = new FinancialYear(2026);

        Assert.Null(legal.BudgetFor(year));
        var first = legal.SetBudget(year, new Money(100_000)).Value;
        var zero = legal.SetBudget(year.Next, Money.Zero).Value;
        var amended = legal.SetBudget(year, new Money(120_000)).Value;

        Assert.Same(first, amended);
        Assert.Equal(2, legal.Budgets.Count);
        Assert.Equal(new Money(120_000), legal.BudgetFor(year)!.Amount);
        Assert.Equal((2027, Money.Zero), (zero.FinancialYearStart, legal.BudgetFor(year.Next)!.Amount));
        Assert.Null(legal.BudgetFor(year.Previous));
    }

    [Fact]
    public void ANegativeBudget_IsRefused()
    {
        var legal = Centre();

        var result = legal.SetBudget(new FinancialYear(2026), new Money(-1));

        Assert.Equal("The budget for 2026/27 cannot be negative (-£0.01).", Assert.Single(result.Errors).Message);
        Assert.Empty(legal.Budgets);
    }
}
