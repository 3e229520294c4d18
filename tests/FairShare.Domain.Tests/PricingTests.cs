namespace FairShare.Domain.Tests;

public class PricingTests
{
    [Theory]
    [InlineData("92.50", "12", 111000)]
    [InlineData("0.035", "1001", 3504)] // 35.035 rounds half away from zero to £35.04
    [InlineData("6.85", "0", 0)]
    [InlineData("0.12", "2.5", 30)]
    public void PayAsYouGo_ChargesRateTimesQuantity(string rate, string quantity, long expectedPence) =>
        Assert.Equal(expectedPence, new PayAsYouGo(D(rate)).Charge(D(quantity)).Pence);

    [Fact]
    public void PayAsYouGo_RefusesANegativeQuantity() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PayAsYouGo(1m).Charge(-1m));

    [Theory]
    [InlineData("4000", 3_800_000)]        // within the included 6,000: fee only
    [InlineData("6000", 3_800_000)]        // exactly the included quantity
    [InlineData("6001", 3_800_640)]        // one payslip of overage at £6.40
    [InlineData("7250.5", 3_800_000 + 800_320)] // 1,250.5 × £6.40 = £8,003.20
    public void Subscription_ChargesTheFeePlusOverageBeyondTheIncludedQuantity(string used, long expectedPence)
    {
        var terms = new Subscription(Money.FromPounds(38_000m), 6_000m, 6.40m, InvoiceSchedule.Monthly);
        Assert.Equal(expectedPence, terms.AnnualCharge(D(used)).Pence);
    }

    [Fact]
    public void Subscription_WithoutOverageRate_RefusesUseBeyondTheIncludedQuantity()
    {
        var terms = new Subscription(Money.FromPounds(1_000m), 10m, null, InvoiceSchedule.Annual);
        var e = Assert.Throws<InvalidOperationException>(() => terms.AnnualCharge(11m));
        Assert.Contains("no overage rate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_SevenTwelfthsFiveTwelfths_SplitsTheFeeInAprilAndNovember()
    {
        var terms = new Subscription(Money.FromPounds(1_000m), 1m, null, InvoiceSchedule.SevenTwelfthsFiveTwelfths);
        var instalments = terms.Instalments();
        Assert.Equal([new Instalment(1, new Money(58_333)), new Instalment(8, new Money(41_667))], instalments);
    }

    [Fact]
    public void Subscription_SevenTwelfthsFiveTwelfths_OfTwelveHundredPounds_IsSevenHundredAndFiveHundred()
    {
        var terms = new Subscription(Money.FromPounds(1_200m), 1m, null, InvoiceSchedule.SevenTwelfthsFiveTwelfths);
        Assert.Equal([70_000L, 50_000L], terms.Instalments().Select(i => i.Amount.Pence));
    }

    [Fact]
    public void Subscription_Monthly_GivesTwelveInstalmentsThatAddUpExactly()
    {
        var terms = new Subscription(new Money(100_001), 1m, null, InvoiceSchedule.Monthly);
        var instalments = terms.Instalments();
        Assert.Equal(Enumerable.Range(1, 12), instalments.Select(i => i.PeriodNumber));
        Assert.Equal(100_001, instalments.Sum(i => i.Amount.Pence));
        Assert.Equal(8_334, instalments[0].Amount.Pence);
        Assert.Equal(8_333, instalments[11].Amount.Pence);
    }

    [Fact]
    public void Subscription_Annual_InvoicesEverythingInPeriodOne() =>
        Assert.Equal([new Instalment(1, new Money(500))],
            new Subscription(new Money(500), 0m, null, InvoiceSchedule.Annual).Instalments());

    [Theory]
    [InlineData("0", 46_614)]
    [InlineData("210", 46_614 + 23_940)] // £466.14 + 210 × £1.14
    public void FixedFeePlusDriver_ChargesTheFeePlusTheRatePerDriverUnit(string pupils, long expectedPence) =>
        Assert.Equal(expectedPence, new FixedFeePlusDriver(Money.FromPounds(466.14m), 1.14m, "pupil").Charge(D(pupils)).Pence);

    [Fact]
    public void Quoted_ChargesTheAgreedQuote() =>
        Assert.Equal(new Money(250_000), Quoted.Charge(new Money(250_000)));

    [Fact]
    public void Describe_ExplainsEachModelInWords()
    {
        Assert.Equal("Pay as you go: £0.035 per page.", new PayAsYouGo(0.035m).Describe("page"));
        Assert.Equal("Fixed fee plus driver: £466.14 plus £1.14 per pupil.", new FixedFeePlusDriver(Money.FromPounds(466.14m), 1.14m, "pupil").Describe("pupil"));
        Assert.Equal("Subscription: £38,000.00 a year, including 6,000 payslips a year; beyond that, £6.40 per payslip; invoiced monthly in 12 equal instalments.",
            new Subscription(Money.FromPounds(38_000m), 6_000m, 6.40m, InvoiceSchedule.Monthly).Describe("payslip"));
        Assert.Equal("Quoted per case; indicative rate £98.00 an hour.", new Quoted(98m).Describe("case"));
        Assert.Equal("Quoted per job.", new Quoted(null).Describe("job"));
    }

    [Theory]
    [InlineData("vacancy", 20, "including 20 vacancies a year; beyond that, £6.40 per vacancy")]
    [InlineData("vacancy", 1, "including 1 vacancy a year; beyond that, £6.40 per vacancy")]
    [InlineData("m² of floor area", 900, "including 900 m² of floor area a year; beyond that, £6.40 per m² of floor area")]
    public void Describe_Subscription_PutsTheUnitInTheRightPlural(string unit, int included, string expected) =>
        Assert.Contains(expected, new Subscription(Money.FromPounds(1_000m), included, 6.40m, InvoiceSchedule.Annual).Describe(unit), StringComparison.Ordinal);

    [Fact]
    public void Subscription_ComparableUnitPrice_IsTheFeeOverTheIncludedQuantity() =>
        Assert.Equal(6.3333m, new Subscription(Money.FromPounds(38_000m), 6_000m, 6.40m, InvoiceSchedule.Monthly).ComparableUnitPrice);

    public static TheoryData<PricingTerms, string> InvalidTerms => new()
    {
        { new PayAsYouGo(-1m), "rate" },
        { new PayAsYouGo(0.00001m), "rate" },
        { new Subscription(new Money(-1), 1m, null, InvoiceSchedule.Monthly), "annualFee" },
        { new Subscription(new Money(100), 0m, 5m, InvoiceSchedule.Monthly), "overageRate" },
        { new Subscription(new Money(100), -3m, null, InvoiceSchedule.Monthly), "includedQuantity" },
        { new Subscription(new Money(100), 3m, null, (InvoiceSchedule)42), "schedule" },
        { new FixedFeePlusDriver(new Money(100), 1m, " "), "driver" },
        { new FixedFeePlusDriver(new Money(-100), 1m, "pupil"), "fixedFee" },
        { new Quoted(-5m), "indicativeHourlyRate" },
    };

    [Theory]
    [MemberData(nameof(InvalidTerms))]
    public void Validate_NamesTheFieldThatIsWrong(PricingTerms terms, string field) =>
        Assert.Contains(terms.Validate(), e => e.Field == field);

    [Theory]
    [InlineData("0", "£0.00")]
    [InlineData("1.14", "£1.14")]
    [InlineData("0.035", "£0.035")]
    [InlineData("1234.5", "£1,234.50")]
    [InlineData("-0.5", "-£0.50")]
    [InlineData("-0.0125", "-£0.0125")]
    public void Format_WritesARateInPoundsWithFractionsOfAPennyOnlyWhenItHasThem(string rate, string expected) =>
        Assert.Equal(expected, PricingTerms.Format(D(rate)));

    [Fact]
    public void AFreeRate_IsSound() =>
        Assert.Empty(new PayAsYouGo(0m).Validate());

    [Fact]
    public void Subscription_WithNoIncludedQuantity_ComparesByItsAnnualFee() =>
        Assert.Equal(500m, new Subscription(Money.FromPounds(500m), 0m, null, InvoiceSchedule.Annual).ComparableUnitPrice);

    [Fact]
    public void Subscription_Overage_RefusesANegativeQuantityUsed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Subscription(new Money(100), 10m, 1m, InvoiceSchedule.Monthly).Overage(-1m));

    [Theory]
    [InlineData("0")]
    [InlineData("9.5")]
    [InlineData("10")]
    public void Subscription_WithoutOverageRate_ChargesNothingMoreWithinTheIncludedQuantity(string used)
    {
        var terms = new Subscription(new Money(100_000), 10m, null, InvoiceSchedule.Monthly);

        Assert.Equal((Money.Zero, new Money(100_000)), (terms.Overage(D(used)), terms.AnnualCharge(D(used))));
    }

    [Theory]
    [InlineData("0", null, InvoiceSchedule.Annual, "Subscription: £500.00 a year; invoiced annually in April.")]
    [InlineData("1", null, InvoiceSchedule.Annual, "Subscription: £500.00 a year, including 1 licence a year; no use beyond the included quantity; invoiced annually in April.")]
    [InlineData("2.5", "0.75", InvoiceSchedule.SevenTwelfthsFiveTwelfths, "Subscription: £500.00 a year, including 2.5 licences a year; beyond that, £0.75 per licence; invoiced 7/12 in April and 5/12 in November.")]
    public void Subscription_Describe_SaysWhatIsIncludedWhatLiesBeyondAndWhenItIsInvoiced(string included, string? overage, InvoiceSchedule schedule, string expected) =>
        Assert.Equal(expected, new Subscription(Money.FromPounds(500m), D(included), overage is null ? null : D(overage), schedule).Describe("licence"));

    [Fact]
    public void Subscription_WithABadOverageRate_NamesTheOverageRateOnce() =>
        Assert.Equal(["overageRate"], new Subscription(new Money(100), 10m, -1m, InvoiceSchedule.Monthly).Validate().Select(e => e.Field));

    [Fact]
    public void FixedFeePlusDriver_ReportsABadFeeAndABadRateTogether() =>
        Assert.Equal(["fixedFee", "ratePerDriverUnit", "ratePerDriverUnit"],
            new FixedFeePlusDriver(new Money(-1), -0.00001m, "pupil").Validate().Select(e => e.Field));

    [Fact]
    public void Quoted_RefusesANegativeQuote() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quoted.Charge(new Money(-1)));

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
