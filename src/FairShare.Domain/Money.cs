using System.Globalization;

namespace FairShare.Domain;

/// <summary>
/// An exact amount of sterling held as whole pence. Arithmetic never rounds; rounding from a
/// computed <see cref="decimal"/> happens only through <see cref="Round"/>, which rounds half away
/// from zero (the convention of council ledgers) rather than .NET's default banker's rounding.
/// </summary>
public readonly record struct Money(long Pence) : IComparable<Money>
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static Money Zero => new(0);

    public decimal Pounds => Pence / 100m;

    /// <summary>An amount given in pounds that must already be whole pence (e.g. a price list entry).</summary>
    public static Money FromPounds(decimal pounds)
    {
        var pence = pounds * 100m;
        if (pence != decimal.Truncate(pence))
        {
            throw new ArgumentException($"£{pounds} is not a whole number of pence.", nameof(pounds));
        }
        return new Money((long)pence);
    }

    /// <summary>Rounds a computed amount in pounds to the nearest penny, halves away from zero.</summary>
    public static Money Round(decimal pounds) =>
        new((long)decimal.Round(pounds * 100m, 0, MidpointRounding.AwayFromZero));

    public static bool IsWholePence(decimal pounds) => pounds * 100m == decimal.Truncate(pounds * 100m);

    public static Money operator +(Money a, Money b) => new(checked(a.Pence + b.Pence));
    public static Money operator -(Money a, Money b) => new(checked(a.Pence - b.Pence));
    public static Money operator -(Money a) => new(-a.Pence);
    public static bool operator <(Money a, Money b) => a.Pence < b.Pence;
    public static bool operator >(Money a, Money b) => a.Pence > b.Pence;
    public static bool operator <=(Money a, Money b) => a.Pence <= b.Pence;
    public static bool operator >=(Money a, Money b) => a.Pence >= b.Pence;

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    /// <summary>Splits this amount into parts proportional to <paramref name="weights"/> that add up
    /// exactly to it: each part is rounded down, and the pence left over go one each to the parts with the
    /// largest remainders; equal remainders go to the earlier part.</summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count);
        var total = weights.Sum();
        if (weights.Any(w => w < 0) || total <= 0)
        {
            throw new ArgumentException("Weights must be non-negative with a positive total.", nameof(weights));
        }
        var sign = Pence < 0 ? -1 : 1;
        var magnitude = Math.Abs(Pence);
        var parts = new long[weights.Count];
        var remainders = new decimal[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = magnitude * weights[i] / total;
            parts[i] = (long)decimal.Floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i);
        foreach (var i in order.Take((int)(magnitude - given)))
        {
            parts[i]++;
        }
        return parts.Select(p => new Money(sign * p)).ToArray();
    }

    /// <summary>£1,234.56 (and -£12.00), as UK finance staff write it.</summary>
    public override string ToString() =>
        (Pence < 0 ? "-" : "") + "£" + Math.Abs(Pounds).ToString("#,##0.00", UkCulture);

    /// <summary>1234.56: plain, culture-invariant, for files and JSON.</summary>
    public string ToPlainString() => Pounds.ToString("0.00", CultureInfo.InvariantCulture);
}
