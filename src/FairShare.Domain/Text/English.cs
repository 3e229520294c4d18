using System.Globalization;

namespace FairShare.Domain.Text;

/// <summary>
/// Plurals and possessives for the sentences FairShare builds around names and nouns it does not know in
/// advance (offering units, drivers, cost centre and service names). Appending "s" or "'s" gives "categorys",
/// "vacancys" and "Legal Services's"; these rules cover the nouns a council's market uses.
/// </summary>
public static class English
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "people",
        ["child"] = "children",
        ["staff"] = "staff",
        ["equipment"] = "equipment",
        ["data"] = "data",
    };

    /// <summary>
    /// "Legal Services" → "Legal Services'", "Tom" → "Tom's". A name ending in s takes the apostrophe alone; a
    /// name that is a possessive already ("Chief Executive's") is left as it is.
    /// </summary>
    public static string Possessive(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.TrimEnd();
        if (trimmed.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("’s", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith('\'') || trimmed.EndsWith('’'))
        {
            return trimmed;
        }
        return trimmed.EndsWith('s') || trimmed.EndsWith('S') ? trimmed + "'" : trimmed + "'s";
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
        };
    }

    /// <summary>"1 category", "3 categories", "1,200 entries"; <paramref name="plural"/> where the rules get it wrong.</summary>
    public static string Count(int n, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        return $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? Plural(singular))}";
    }

    /// <summary>The noun that goes with a quantity that may have decimals: "1 hour", "1.5 hours", "0 hours".</summary>
    public static string Noun(decimal quantity, string singular) => quantity == 1 ? singular : Plural(singular);

    /// <summary>
    /// The plural of a singular noun: "category" → "categories", "day" → "days", "process" → "processes",
    /// "FTE" → "FTEs", "m² of floor area" → "m² of floor area" (the head of an "of" phrase changes; a symbol
    /// such as m² does not). A word ending in a single s is taken as plural already ("hours", "standard jobs").
    /// </summary>
    public static string Plural(string singular)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        var of = singular.IndexOf(" of ", StringComparison.Ordinal);
        if (of > 0)
        {
            return Plural(singular[..of]) + singular[of..];
        }
        var space = singular.LastIndexOf(' ');
        var head = singular[..(space + 1)];
        var word = singular[(space + 1)..];
        return head + PluralOfWord(word);
    }

    private static string PluralOfWord(string word)
    {
        if (word.Length == 0 || !char.IsAsciiLetter(word[^1]))
        {
            return word;
        }
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return char.IsUpper(word[0]) ? char.ToUpperInvariant(irregular[0]) + irregular[1..] : irregular;
        }
        if (word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Length > 1)
        {
            return word + "s"; // an abbreviation: FTE → FTEs
        }
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }
        if (lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith('x') || lower.EndsWith('z')
            || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }
        return lower.EndsWith('s') ? word : word + "s";
    }
}
