using FairShare.Domain.Text;

namespace FairShare.Domain.Tests.Text;

public class EnglishTests
{
    [Theory]
    [InlineData("Tom", "Tom's")]
    [InlineData("Legal Services", "Legal Services'")]
    [InlineData("Human Resources", "Human Resources'")]
    [InlineData("ICT", "ICT's")]
    [InlineData("HOUSING SERVICES", "HOUSING SERVICES'")]
    [InlineData("Chief Executive's", "Chief Executive's")]
    [InlineData("Cost centre 12", "Cost centre 12's")]
    [InlineData("Payroll ", "Payroll's")]
    public void Possessive_OfAName_TakesTheApostropheEnglishGivesIt(string name, string expected) =>
        Assert.Equal(expected, English.Possessive(name));

    [Theory]
    [InlineData(0, "category", "0 categories")]
    [InlineData(1, "category", "1 category")]
    [InlineData(3, "category", "3 categories")]
    [InlineData(2, "entry", "2 entries")]
    [InlineData(1, "entry", "1 entry")]
    [InlineData(1_200, "offering", "1,200 offerings")]
    [InlineData(2, "day", "2 days")]
    [InlineData(5, "working day", "5 working days")]
    [InlineData(2, "journey", "2 journeys")]
    [InlineData(4, "vacancy", "4 vacancies")]
    [InlineData(2, "process", "2 processes")]
    [InlineData(2, "box", "2 boxes")]
    [InlineData(2, "search", "2 searches")]
    [InlineData(2, "authority", "2 authorities")]
    [InlineData(50, "cost centre", "50 cost centres")]
    [InlineData(3, "FTE", "3 FTEs")]
    [InlineData(6_200, "m²", "6,200 m²")]
    [InlineData(6_200, "m² of floor area", "6,200 m² of floor area")]
    [InlineData(2, "cup of tea", "2 cups of tea")]
    [InlineData(2, "person", "2 people")]
    [InlineData(2, "hours", "2 hours")]
    [InlineData(-1, "problem", "-1 problems")]
    public void Count_SaysTheNumberWithTheRightFormOfTheNoun(int n, string singular, string expected) =>
        Assert.Equal(expected, English.Count(n, singular));

    [Fact]
    public void Count_WithAGivenPlural_UsesIt() => Assert.Equal("2 criteria", English.Count(2, "criterion", "criteria"));

    [Theory]
    [InlineData("1", "hour", "hour")]
    [InlineData("1.5", "hour", "hours")]
    [InlineData("0", "copy", "copies")]
    public void Noun_ForADecimalQuantity_IsSingularOnlyForExactlyOne(string quantity, string singular, string expected) =>
        Assert.Equal(expected, English.Noun(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), singular));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void BlankWords_AreMisuse(string blank)
    {
        Assert.Throws<ArgumentException>(() => English.Possessive(blank));
        Assert.Throws<ArgumentException>(() => English.Count(2, blank));
    }
}
