using System.Globalization;

namespace FairShare.Domain;

/// <summary>
/// A budget's twelve monthly amounts. Given, they must sum exactly to the year's total; not given, the total is
/// spread flat: each month the whole pence of a twelfth, and the pence left over one each to the first months
/// of the year (so £1,000.05 is £83.34 in months 1–9 and £83.33 in months 10–12).
/// </summary>
public static class BudgetProfile
{
    public const int Months = 12;

    public static IReadOnlyList<Money> Flat(Money total)
    {
        var sign = total.Pence < 0 ? -1 : 1;
        var (share, left) = Math.DivRem(Math.Abs(total.Pence), Months);
        return [.. Enumerable.Range(0, Months).Select(m => new Money(sign * (share + (m < left ? 1 : 0))))];
    }

    /// <summary>The profile to keep: the one given if it has twelve months summing to the total, the flat one if none is given.</summary>
    public static Result<IReadOnlyList<Money>> Check(Money total, IReadOnlyList<Money>? profile)
    {
        if (profile is null)
        {
            return Result<IReadOnlyList<Money>>.Success(Flat(total));
        }
        if (profile.Count != Months)
        {
            return Result<IReadOnlyList<Money>>.Failure("profile", $"A monthly profile has {Months} amounts, not {profile.Count}.");
        }
        var sum = profile.Aggregate(Money.Zero, (a, b) => a + b);
        return sum == total
            ? Result<IReadOnlyList<Money>>.Success([.. profile])
            : Result<IReadOnlyList<Money>>.Failure("profile", $"The twelve months add up to {sum}, not the budget's {total}.");
    }

    public static string Format(IReadOnlyList<Money> profile) =>
        string.Join(",", profile.Select(m => m.Pence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The stored form read back, or null when there is none (budgets from before profiles).</summary>
    public static IReadOnlyList<Money>? Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }
        var parts = stored.Split(',');
        return parts.Length == Months ? [.. parts.Select(p => new Money(long.Parse(p, CultureInfo.InvariantCulture)))] : null;
    }
}
