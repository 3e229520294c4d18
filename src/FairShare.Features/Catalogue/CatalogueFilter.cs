using System.Globalization;
using FairShare.Domain;

namespace FairShare.Features.Catalogue;

/// <summary>A checked catalogue filter. Every null criterion matches everything.</summary>
public sealed record CatalogueFilter(
    string? Category,
    string? Provider,
    ProviderType? ProviderType,
    ChargingClass? ChargingClass,
    PricingModel? PricingModel,
    string? Search,
    int? Year)
{
    public static CatalogueFilter None { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Checks each parameter and reports every bad one by its parameter name.</summary>
    public static Result<CatalogueFilter> Parse(ListOfferingsRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Check(input);
    }

    private static Result<CatalogueFilter> Check(ListOfferingsRequest input)
    {
        var errors = new List<DomainError>();
        var providerType = ParseEnum<ProviderType>("providerType", input.ProviderType, errors);
        var chargingClass = ParseEnum<ChargingClass>("chargingClass", input.ChargingClass, errors);
        var pricingModel = ParseEnum<PricingModel>("pricingModel", input.PricingModel, errors);
        int? year = null;
        if (!string.IsNullOrWhiteSpace(input.Year))
        {
            var text = input.Year.Trim();
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (int.TryParse(slash > 0 ? text[..slash] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                year = y;
            }
            else
            {
                errors.Add(new DomainError("year", $"'{input.Year}' is not a financial year; give its first calendar year, e.g. 2026 for 2026/27."));
            }
        }
        if (input.Search is { Length: > 200 })
        {
            errors.Add(new DomainError("search", "is longer than 200 characters."));
        }
        return errors.Count > 0
            ? Result<CatalogueFilter>.Failure(errors)
            : Result<CatalogueFilter>.Success(new CatalogueFilter(
                Blank(input.Category), Blank(input.Provider), providerType, chargingClass, pricingModel, Blank(input.Search), year));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static T? ParseEnum<T>(string parameter, string? value, List<DomainError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Slugs.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }
        errors.Add(new DomainError(parameter, Slugs.NotOneOf<T>(value)));
        return null;
    }
}
