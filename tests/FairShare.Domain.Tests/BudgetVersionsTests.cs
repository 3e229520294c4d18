namespace FairShare.Domain.Tests;

/// <summary>Budgets in versions with monthly profiles, a cost centre's kind and closing, and directorates' dates.</summary>
public sealed class BudgetVersionsTests
{
    private static readonly Authority Leeds = new("LDS", "Leeds City Council");

    private static CostCentre Centre(CostCentreKind kind = CostCentreKind.Frontline) =>
        new(new Directorate(Leeds, "ASC", "Adults"), "F100", "Older people", kind);

    [Theory]
    [InlineData(1_200_00L, 100_00L, 100_00L)]
    [InlineData(100_005L, 8_334L, 8_333L)]
    [InlineData(11L, 1L, 0L)]
    [InlineData(0L, 0L, 0L)]
    public void AFlatProfile_SpreadsThePenniesLeftOverToTheFirstMonths_AndSumsExactly(long total, long first, long last)
    {
        var profile = BudgetProfile.Flat(new Money(total));

        Assert.Equal(12, profile.Count);
        Assert.Equal(total, profile.Sum(m => m.Pence));
        Assert.Equal((first, last), (profile[0].Pence, profile[11].Pence));
        Assert.True(profile.Zip(profile.Skip(1)).All(p => p.First >= p.Second));
    }

    [Fact]
    public void AGivenProfile_MustHaveTwelveMonths_SummingToTheTotal()
    {
        var centre = Centre();
        var year = new FinancialYear(2026);
        var months = Enumerable.Repeat(new Money(100), 12).ToArray();

        Assert.True(centre.SetBudget(year, BudgetVersion.Original, new Money(1_200), months).IsSuccess);
        Assert.Equal("The twelve months add up to £12.00, not the budget's £12.01.",
            Assert.Single(centre.SetBudget(year, BudgetVersion.Revised, new Money(1_201), months).Errors).Message);
        Assert.Equal("A monthly profile has 12 amounts, not 11.",
            Assert.Single(centre.SetBudget(year, BudgetVersion.Revised, new Money(1_100), months[..11]).Errors).Message);
    }

    [Fact]
    public void TheCurrentBudget_IsTheRevisedOnceThereIsOne_NeverTheDraft_AndSetBudgetAmendsIt()
    {
        var centre = Centre();
        var year = new FinancialYear(2026);
        centre.SetBudget(year, new Money(1_000));
        centre.SetBudget(year, BudgetVersion.Draft, new Money(9_999), null);
        Assert.Equal((new Money(1_000), BudgetVersion.Original), (centre.BudgetFor(year)!.Amount, centre.BudgetFor(year)!.Version));

        centre.SetBudget(year, BudgetVersion.Revised, new Money(1_200), null);
        centre.SetBudget(year, new Money(1_300));

        Assert.Equal(new Money(1_000), centre.BudgetFor(year, BudgetVersion.Original)!.Amount);
        Assert.Equal((new Money(1_300), BudgetVersion.Revised), (centre.BudgetFor(year)!.Amount, centre.BudgetFor(year)!.Version));
    }

    [Fact]
    public void AKindChange_IsRefusedOnceTheCostCentreHasPostings_WithTheReason()
    {
        var centre = Centre();

        var refused = centre.ChangeKind(CostCentreKind.Support, hasPostings: true);

        Assert.Equal("F100 has postings as a frontline cost centre; its kind cannot change to support. Close it from a date and open a new cost centre of the new kind.",
            Assert.Single(refused.Errors).Message);
        Assert.Equal(CostCentreKind.Frontline, centre.Kind);
        Assert.True(centre.ChangeKind(CostCentreKind.NonDistributedCosts, hasPostings: false).IsSuccess);
        Assert.True(centre.Kind.IsNeverRecharged());
    }

    [Fact]
    public void AClosedCostCentre_IsClosedFromItsDateOn()
    {
        var centre = Centre();
        centre.CloseFrom(new DateOnly(2027, 1, 1));

        Assert.False(centre.IsClosedOn(new DateOnly(2026, 12, 31)));
        Assert.True(centre.IsClosedOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void ADirectorate_IsInForceBetweenItsDates_AndItsLastDayIsNotBeforeItsFirst()
    {
        var directorate = new Directorate(Leeds, "PLC", "Place");
        Assert.True(directorate.Amend("Place", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)).IsSuccess);

        Assert.False(directorate.IsInForceOn(new DateOnly(2026, 3, 31)));
        Assert.True(directorate.IsInForceOn(new DateOnly(2027, 3, 31)));
        Assert.False(directorate.Amend("Place", new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 1)).IsSuccess);
    }
}
