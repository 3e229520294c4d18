using System.Numerics;

namespace FairShare.Allocation.Tests;

/// <summary>An exact fraction of two big integers, always in lowest terms with a positive denominator.</summary>
public readonly record struct Rational : IComparable<Rational>
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        Denominator = denominator.IsZero ? BigInteger.One : denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Rational Zero => new(0, 1);

    public static Rational One => new(1, 1);

    public bool IsZero => Numerator.IsZero;

    public static Rational FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        return new Rational(mantissa, BigInteger.Pow(10, scale));
    }

    public static Rational operator +(Rational a, Rational b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public Rational Abs() => new(BigInteger.Abs(Numerator), Denominator);

    /// <summary>Nearest decimal with 28 significant digits (as near as <see cref="decimal"/> can hold).</summary>
    public decimal ToDecimal()
    {
        var whole = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        var result = (decimal)whole;
        var scale = 1m;
        var digits = 0;
        while (!remainder.IsZero && digits < 27)
        {
            remainder *= 10;
            var digit = BigInteger.DivRem(remainder, Denominator, out remainder);
            scale /= 10m;
            result += (decimal)digit * scale;
            digits++;
        }

        return result;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
