namespace FairShare.Domain.Tests;

public class OfferingTests
{
    private static readonly Authority Council = new("TST", "Testshire County Council");
    private static readonly Directorate Resources = new(Council, "RES", "Resources");
    private static readonly CostCentre Legal = new(Resources, "S-LEG", "Legal Services", CostCentreKind.Support);
    private static readonly CostCentre Housing = new(Resources, "F-HSG", "Housing", CostCentreKind.Frontline);

    private static OfferingDraft Draft(string unit = "hour", CostCentre? provider = null) =>
        new("LEG-ADV", "Legal advice", "Advice", "Legal", unit, ChargingClass.Tradeable, provider ?? Legal);

    [Fact]
    public void Create_WithAllItNeeds_Succeeds()
    {
        var offering = Offering.Create(Draft()).Value;
        Assert.Equal(ProviderType.Internal, offering.ProviderTypeFor(Council.Id));
        Assert.Equal("Legal Services", offering.ProviderName);
    }

    [Fact]
    public void Create_ReportsEveryProblemAtOnce()
    {
        var result = Offering.Create(new OfferingDraft("", "", null, "", " ", ChargingClass.Tradeable));
        Assert.False(result.IsSuccess);
        Assert.Equal(["code", "name", "category", "unit", "provider"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Create_RefusesAFrontlineServiceAsProvider()
    {
        var result = Offering.Create(Draft(provider: Housing));
        var error = Assert.Single(result.Errors);
        Assert.Equal("provider", error.Field);
        Assert.Contains("only support services provide offerings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesTwoProviders()
    {
        var supplier = new Supplier(Council, "SUP", "A Supplier Ltd", "");
        var result = Offering.Create(Draft() with { Supplier = supplier });
        Assert.Contains(result.Errors, e => e.Field == "provider" && e.Message.Contains("one provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_WithASupplier_IsAnExternalSupplierOffering()
    {
        var supplier = new Supplier(Council, "SUP", "A Supplier Ltd", "");
        var offering = Offering.Create(Draft() with { ProviderCostCentre = null, Supplier = supplier }).Value;
        Assert.Equal(ProviderType.ExternalSupplier, offering.ProviderTypeFor(Council.Id));
        Assert.Equal(ProviderType.NeighbouringAuthority, offering.ProviderTypeFor(Council.Id + 1));
    }

    [Fact]
    public void PriceOn_PicksThePriceOfTheFinancialYearContainingTheDate()
    {
        var offering = Offering.Create(Draft()).Value;
        _ = offering.AddPrice(new FinancialYear(2025), new PayAsYouGo(89.37m)).Value;
        _ = offering.AddPrice(new FinancialYear(2026), new PayAsYouGo(92.50m)).Value;

        Assert.Equal(89.37m, ((PayAsYouGo)offering.PriceOn(new DateOnly(2026, 3, 31))!.Terms).Rate);
        Assert.Equal(92.50m, ((PayAsYouGo)offering.PriceOn(new DateOnly(2026, 4, 1))!.Terms).Rate);
        Assert.Null(offering.PriceOn(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void AddPrice_NeverOverwritesAYearsPrice()
    {
        var offering = Offering.Create(Draft()).Value;
        _ = offering.AddPrice(new FinancialYear(2026), new PayAsYouGo(92.50m)).Value;
        var second = offering.AddPrice(new FinancialYear(2026), new PayAsYouGo(99m));
        var error = Assert.Single(second.Errors);
        Assert.Equal("financialYear", error.Field);
        Assert.Contains("never overwritten", error.Message, StringComparison.Ordinal);
        Assert.Equal(92.50m, ((PayAsYouGo)offering.PriceFor(new FinancialYear(2026))!.Terms).Rate);
    }

    [Fact]
    public void AddPrice_RefusesNegativePricesAndOverageWithoutIncludedQuantity()
    {
        var offering = Offering.Create(Draft()).Value;
        Assert.Equal("rate", Assert.Single(offering.AddPrice(new FinancialYear(2026), new PayAsYouGo(-5m)).Errors).Field);
        var subscription = new Subscription(Money.FromPounds(100m), 0m, 5m, InvoiceSchedule.Monthly);
        Assert.Equal("overageRate", Assert.Single(offering.AddPrice(new FinancialYear(2026), subscription).Errors).Field);
        Assert.Empty(offering.Prices);
    }

    [Theory]
    [InlineData(PricingModel.PayAsYouGo)]
    [InlineData(PricingModel.Subscription)]
    [InlineData(PricingModel.FixedFeePlusDriver)]
    [InlineData(PricingModel.Quoted)]
    public void StoredPrice_RebuildsTheSameTerms(PricingModel model)
    {
        PricingTerms terms = model switch
        {
            PricingModel.PayAsYouGo => new PayAsYouGo(0.035m),
            PricingModel.Subscription => new Subscription(Money.FromPounds(46_000m), 500m, 89m, InvoiceSchedule.SevenTwelfthsFiveTwelfths),
            PricingModel.FixedFeePlusDriver => new FixedFeePlusDriver(Money.FromPounds(466.14m), 1.14m, "pupil"),
            _ => new Quoted(98m),
        };
        var offering = Offering.Create(Draft()).Value;
        Assert.Equal(terms, offering.AddPrice(new FinancialYear(2026), terms).Value.Terms);
    }

    [Fact]
    public void ServiceLevel_DescribesItsTarget()
    {
        var offering = Offering.Create(Draft()).Value;
        Assert.Equal("First response: within 2 working days (acknowledged)", offering.AddServiceLevel("First response", "acknowledged", 2).Value.Describe());
        Assert.Equal("targetWorkingDays", Assert.Single(offering.AddServiceLevel("Reply", "", -1).Errors).Field);
    }

    [Fact]
    public void Budget_CannotBeNegative()
    {
        var centre = new CostCentre(Resources, "S-X", "X", CostCentreKind.Support);
        Assert.Equal("budget", Assert.Single(centre.SetBudget(new FinancialYear(2026), new Money(-1)).Errors).Field);
    }

    [Fact]
    public void ASuppliersOffering_IsNamedAfterTheSupplier_AndKeepsAnEmptyDescriptionWhenGivenNone()
    {
        var supplier = new Supplier(Council, "SUP", "A Supplier Ltd", "");

        var offering = Offering.Create(Draft() with { ProviderCostCentre = null, Supplier = supplier, Description = null }).Value;

        Assert.Equal(("A Supplier Ltd", ""), (offering.ProviderName, offering.Description));
        Assert.Equal("Advice", Offering.Create(Draft() with { Description = " Advice " }).Value.Description);
    }

    [Fact]
    public void AnOfferingOfAnUnknownChargingClass_IsRefused() =>
        Assert.Equal("chargingClass", Assert.Single(Offering.Create(Draft() with { ChargingClass = (ChargingClass)42 }).Errors).Field);

    [Fact]
    public void AnOfferingsPricingModel_IsThatOfItsLatestYear_OrNoneBeforeItIsPriced()
    {
        var offering = Offering.Create(Draft()).Value;
        Assert.Null(offering.PricingModel);

        offering.AddPrice(new FinancialYear(2026), new Subscription(new Money(100), 1m, null, InvoiceSchedule.Annual));
        offering.AddPrice(new FinancialYear(2025), new PayAsYouGo(1m));

        Assert.Equal(PricingModel.Subscription, offering.PricingModel);
    }

    [Theory]
    [InlineData(0, "", "Reply: within 0 working days")]
    [InlineData(1, "", "Reply: within 1 working day")]
    [InlineData(5, " by email ", "Reply: within 5 working days (by email)")]
    [InlineData(null, "same day", "Reply: same day")]
    public void AServiceLevel_IsKeptByTheOffering_AndDescribedInWords(int? days, string target, string words)
    {
        var offering = Offering.Create(Draft()).Value;

        var level = offering.AddServiceLevel(" Reply ", target, days).Value;

        Assert.Equal(words, level.Describe());
        Assert.Same(level, Assert.Single(offering.ServiceLevels));
    }

    [Fact]
    public void AServiceLevel_WithoutAMeasure_IsRefused()
    {
        var offering = Offering.Create(Draft()).Value;

        Assert.Equal("measure", Assert.Single(offering.AddServiceLevel(" ", "x", 1).Errors).Field);
        Assert.Empty(offering.ServiceLevels);
    }
}
