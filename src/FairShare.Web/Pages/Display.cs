using FairShare.Domain;
using FairShare.Domain.Text;
using FairShare.Features;

namespace FairShare.Web.Pages;

/// <summary>How the pages show the market's values to people.</summary>
public static class Display
{
    public static string ProviderType(ProviderType type) => type switch
    {
        Domain.ProviderType.Internal => "Internal",
        Domain.ProviderType.NeighbouringAuthority => "Neighbouring authority",
        _ => "External supplier",
    };

    public static string ProviderTag(ProviderType type) => type switch
    {
        Domain.ProviderType.Internal => "govuk-tag govuk-tag--blue",
        Domain.ProviderType.NeighbouringAuthority => "govuk-tag govuk-tag--purple",
        _ => "govuk-tag govuk-tag--orange",
    };

    public static string ChargingClass(ChargingClass c) => c.ToWords();

    public static string PricingModel(PricingModel? m) => m?.ToWords() ?? "Not priced yet";

    /// <summary>A price per unit; quoted work says so, and a year with no published price says it is not priced yet.</summary>
    public static string UnitPrice(decimal? price, string unit, PricingModel? model) =>
        price is { } p ? $"{PricingTerms.Format(p)} per {unit}"
        : model == Domain.PricingModel.Quoted ? "Quoted for each job"
        : "Not priced yet";

    public static string Money(Money? amount) => amount?.ToString() ?? "Not set";

    public static string Kind(CostCentreKind kind) => kind switch
    {
        CostCentreKind.Frontline => "Frontline",
        CostCentreKind.Support => "Support",
        CostCentreKind.CorporateAndDemocraticCore => "Corporate and democratic core",
        _ => "Non-distributed costs",
    };

    public static string Count(int n, string noun) => English.Count(n, noun);

    /// <summary>A date as GOV.UK writes it: 31 March 2028.</summary>
    public static string Date(DateOnly? date) =>
        date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "not set";

    /// <summary>A wait in words: "30 seconds", "1 minute", "2 minutes 30 seconds".</summary>
    public static string Duration(int seconds)
    {
        var (minutes, rest) = (seconds / 60, seconds % 60);
        return (minutes, rest) switch
        {
            (0, _) => Count(rest, "second"),
            (_, 0) => Count(minutes, "minute"),
            _ => $"{Count(minutes, "minute")} {Count(rest, "second")}",
        };
    }
}
