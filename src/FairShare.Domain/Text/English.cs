using System.Globalization;

namespace FairShare.Domain.Text;

/// <summary>Sentences FairShare builds from names and counts, with the possessive and the plural right.</summary>
public static class English
{
    /// <summary>"Tom" → "Tom's"; "Legal Services" → "Legal Services'" (a name ending in s takes the apostrophe alone).</summary>
    public static string Possessive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.TrimEnd();
        return trimmed.EndsWith('s') || trimmed.EndsWith('S') ? trimmed + "'" : trimmed + "'s";
    }

    /// <summary>"1 usage record", "3 usage records", "2 entries", "4 categories": a count and its noun.</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? Plural(singular))}";

    /// <summary>The regular plural: entry → entries, category → categories, box → boxes, record → records.</summary>
    public static string Plural(string singular)
    {
        ArgumentException.ThrowIfNullOrEmpty(singular);
        if (singular.Length > 1 && singular[^1] == 'y' && !"aeiou".Contains(singular[^2], StringComparison.Ordinal))
        {
            return singular[..^1] + "ies";
        }
        return singular.EndsWith('s') || singular.EndsWith('x') || singular.EndsWith("ch", StringComparison.Ordinal) || singular.EndsWith("sh", StringComparison.Ordinal)
            ? singular + "es"
            : singular + "s";
    }
}
