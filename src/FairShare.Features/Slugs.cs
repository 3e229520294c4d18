using System.Text;

namespace FairShare.Features;

/// <summary>Enum values as they appear in URLs, files and JSON: lower-case words joined by hyphens (pay-as-you-go).</summary>
public static class Slugs
{
    public static string ToSlug<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => v.ToSlug()).ToArray();

    /// <summary>
    /// A defined value by its slug or its C# name, any case ("budget-holder", "BudgetHolder"). Never a number
    /// ("7"), which Enum.TryParse would take even when no value has it.
    /// </summary>
    public static bool TryParse<T>(string? slug, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(slug))
        {
            return false;
        }
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToSlug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>What a refused value is told, listing the words that would do: "'7' is not one of budget-holder, …, administrator."</summary>
    public static string NotOneOf<T>(string? given) where T : struct, Enum => $"'{given}' is not one of {string.Join(", ", All<T>())}.";

    /// <summary>Words for people: "Pay as you go", "Corporate core", "Neighbouring authority".</summary>
    public static string ToWords<T>(this T value) where T : struct, Enum
    {
        var slug = value.ToSlug().Replace('-', ' ');
        return char.ToUpperInvariant(slug[0]) + slug[1..];
    }
}
