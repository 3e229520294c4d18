namespace FairShare.Domain.Tests;

/// <summary>A provider's shop: drafts and publishing, the binding rule, charging classes by period, withdrawal, the calculator.</summary>
public class ShopTests
{
    private static readonly Authority Council = new("TST", "Testshire County Council");
    private static readonly Directorate Resources = new(Council, "RES", "Resources");
    private static readonly CostCentre Legal = new(Resources, "S-LEG", "Legal Services", CostCentreKind.Support);
    private static readonly FinancialYear Year = new(2027);
    private static readonly DateOnly BeforeTheYear = new(2027, 2, 1);

    private static Offering NewOffering(OfferingTerms? terms = null) =>
        Offering.Create(new OfferingDraft("LEG-ADV", "Legal advice", "Advice", "Legal", "hour", ChargingClass.Tradeable, Legal, ServiceTerms: terms)).Value;

    private static Offering Published(decimal rate)
    {
        var offering = NewOffering();
        _ = offering.DraftPrice(Year, 1, new PayAsYouGo(rate), BeforeTheYear).Value;
        _ = offering.PublishPrice(Year, 1, BeforeTheYear).Value;
        return offering;
    }

    [Fact]
    public void ADraft_IsNeverThePriceInForce_UntilPublished()
    {
        var offering = NewOffering();
        _ = offering.DraftPrice(Year, 1, new PayAsYouGo(90m), BeforeTheYear).Value;
        Assert.Null(offering.PriceOn(Year.FirstDay));
        Assert.Null(offering.PriceIn(Year.Period(6)));
        _ = offering.PublishPrice(Year, 1, BeforeTheYear).Value;
        Assert.Equal(new PayAsYouGo(90m), offering.PriceIn(Year.Period(6))!.Terms);
    }

    [Fact]
    public void ADraft_IsCorrectedInPlace()
    {
        var offering = NewOffering();
        var first = offering.DraftPrice(Year, 1, new PayAsYouGo(90m), BeforeTheYear).Value;
        var second = offering.DraftPrice(Year, 1, new PayAsYouGo(88m), BeforeTheYear).Value;
        Assert.Same(first, second);
        Assert.Single(offering.Prices);
        Assert.Equal(new PayAsYouGo(88m), offering.DraftFor(Year)!.Terms);
    }

    [Fact]
    public void APublishedYear_RefusesAnotherWholeYearPrice_WithTheReason()
    {
        var offering = Published(90m);
        var error = Assert.Single(offering.DraftPrice(Year, 1, new PayAsYouGo(80m), BeforeTheYear).Errors);
        Assert.Equal("financialYear", error.Field);
        Assert.Equal("LEG-ADV's 2027/28 price is published (Pay as you go: £90.00 per hour.) and binds for the year; only a lower price may supersede it, from the first day of a later period.", error.Message);
    }

    [Fact]
    public void ALowerPrice_SupersedesFromTheFirstDayOfALaterPeriod()
    {
        var offering = Published(90m);
        var today = new DateOnly(2027, 8, 15); // in period 5
        _ = offering.DraftPrice(Year, 7, new PayAsYouGo(85m), today).Value;
        _ = offering.PublishPrice(Year, 7, today).Value;
        Assert.Equal(new PayAsYouGo(90m), offering.PriceIn(Year.Period(6))!.Terms);
        Assert.Equal(new PayAsYouGo(85m), offering.PriceIn(Year.Period(7))!.Terms);
        Assert.Equal(new PayAsYouGo(85m), offering.PriceOn(new DateOnly(2028, 3, 31))!.Terms);
    }

    [Fact]
    public void AHigherPrice_IsRefused()
    {
        var offering = Published(90m);
        var error = Assert.Single(offering.DraftPrice(Year, 7, new PayAsYouGo(95m), BeforeTheYear).Errors);
        Assert.Equal("price", error.Field);
        Assert.Contains("only a lower price may supersede it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALowerPriceFromAPeriodAlreadyBegun_IsRefused()
    {
        var offering = Published(90m);
        var error = Assert.Single(offering.DraftPrice(Year, 5, new PayAsYouGo(80m), new DateOnly(2027, 8, 1)).Errors);
        Assert.Equal("fromPeriod", error.Field);
        Assert.Contains("has already begun", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishingChecksAgain_AsTimeHasPassed()
    {
        var offering = Published(90m);
        _ = offering.DraftPrice(Year, 5, new PayAsYouGo(80m), new DateOnly(2027, 6, 1)).Value;
        var refused = offering.PublishPrice(Year, 5, new DateOnly(2027, 8, 2));
        Assert.Equal("fromPeriod", Assert.Single(refused.Errors).Field);
        Assert.NotNull(offering.DraftFor(Year, 5));
        Assert.Equal(new PayAsYouGo(90m), offering.PriceOn(new DateOnly(2027, 9, 1))!.Terms);
    }

    [Fact]
    public void ASubscriptionWithOverageButNoIncludedQuantity_IsRefused_NamingTheField()
    {
        var errors = NewOffering().DraftPrice(Year, 1, new Subscription(Money.FromPounds(1000m), 0, 12m, InvoiceSchedule.Quarterly), BeforeTheYear).Errors;
        Assert.Contains(errors, e => e.Field == "overageRate" && e.Message.Contains("needs an included quantity", StringComparison.Ordinal));
    }

    [Fact]
    public void ANegativeRate_IsRefused()
    {
        var error = Assert.Single(NewOffering().DraftPrice(Year, 1, new PayAsYouGo(-1m), BeforeTheYear).Errors);
        Assert.Equal(("rate", "cannot be negative (got -£1.00)."), (error.Field, error.Message));
    }

    [Fact]
    public void QuarterlySubscriptions_AreInvoicedInFourEqualInstalments()
    {
        var instalments = new Subscription(Money.FromPounds(1000.01m), 10, null, InvoiceSchedule.Quarterly).Instalments();
        Assert.Equal([1, 4, 7, 10], instalments.Select(i => i.PeriodNumber));
        Assert.Equal(Money.FromPounds(1000.01m), instalments.Aggregate(Money.Zero, (a, i) => a + i.Amount));
    }

    [Fact]
    public void TheChargingClass_AppliesFromTheFirstDayOfItsPeriod()
    {
        var offering = NewOffering();
        _ = offering.SetChargingClass(ChargingClass.Mandatory, Year.Period(1), BeforeTheYear).Value;
        Assert.Equal(ChargingClass.Tradeable, offering.ChargingClassOn(Year.FirstDay.AddDays(-1)));
        Assert.Equal(ChargingClass.Mandatory, offering.ChargingClassOn(Year.FirstDay));
        var past = offering.SetChargingClass(ChargingClass.Pooled, new FinancialYear(2026).Period(1), BeforeTheYear);
        Assert.Equal("fromPeriod", Assert.Single(past.Errors).Field);
    }

    [Fact]
    public void Withdrawing_KeepsTheOfferingButNotInTheCatalogue_AndIsNotBackdated()
    {
        var offering = NewOffering();
        Assert.Equal("withdrawFrom", Assert.Single(offering.Withdraw(new DateOnly(2027, 1, 1), BeforeTheYear).Errors).Field);
        _ = offering.Withdraw(Year.FirstDay, BeforeTheYear).Value;
        Assert.False(offering.IsWithdrawnOn(BeforeTheYear));
        Assert.True(offering.IsWithdrawnOn(Year.FirstDay));
        Assert.Contains(offering.Change(new OfferingChanges("New", null, "Legal", "hour", OfferingTerms.None)).Errors, e => e.Field == "offering");
    }

    [Fact]
    public void ServiceTerms_AreCheckedTogether()
    {
        var result = NewOffering().Change(new OfferingChanges("", null, "Legal", "hour", new OfferingTerms(25, 10, 5, null)));
        Assert.Equal(["name", "noticeMonths", "completeWithinWorkingDays"], result.Errors.Select(e => e.Field));
        var offering = NewOffering(new OfferingTerms(3, 2, 10, "Monday to Friday"));
        Assert.Equal(["Responds within 2 working days", "Completes within 10 working days", "Hours of cover: Monday to Friday"], offering.DescribeServiceTerms());
    }

    [Fact]
    public void Calculator_DividesTheBudgetByTheVolume_AndShowsTheSurplus()
    {
        var cost = new CostBase(Money.FromPounds(100_000m), Money.FromPounds(90_000m), Money.FromPounds(5_000m));
        var check = PriceCalculator.Check(cost, 1_000m, new PayAsYouGo(110m), "hour").Value;
        Assert.Equal(100m, check.FullCostRate);
        Assert.Equal(Money.FromPounds(110_000m), check.Income);
        Assert.Equal(Money.FromPounds(10_000m), check.Surplus);
        Assert.Equal("Recovers cost: a surplus of £10,000.00 at 1000 hours.", check.Verdict);
    }

    [Fact]
    public void Calculator_WithoutABudget_UsesLastYearsCostsAndWhatWasBoughtIn_AndShowsAShortfall()
    {
        var cost = new CostBase(null, Money.FromPounds(90_000m), Money.FromPounds(6_000m));
        var check = PriceCalculator.Check(cost, 1_200m, new PayAsYouGo(75m), "hour").Value;
        Assert.Equal(Money.FromPounds(96_000m), check.CostBase);
        Assert.Equal(80m, check.FullCostRate);
        Assert.Equal(Money.FromPounds(-6_000m), check.Surplus);
        Assert.StartsWith("Does not recover cost: a shortfall of £6,000.00", check.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculator_RefusesNoVolume_AndSaysQuotedWorkDependsOnQuotes()
    {
        var cost = new CostBase(Money.FromPounds(1_000m), Money.Zero, Money.Zero);
        Assert.Equal("expectedVolume", Assert.Single(PriceCalculator.Check(cost, 0m, null, "hour").Errors).Field);
        var quoted = PriceCalculator.Check(cost, 3m, new Quoted(null), "job").Value;
        Assert.Null(quoted.Surplus);
        Assert.Equal(333.3333m, quoted.FullCostRate);
        Assert.StartsWith("Quoted for each job", quoted.Verdict, StringComparison.Ordinal);
    }
}
