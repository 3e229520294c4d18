using System.Globalization;
using FairShare.Domain;
using FairShare.Features.Access;

namespace FairShare.Features.Recharge;

/// <summary>Periods as people write them: the calendar month, YYYY-MM.</summary>
public static class RechargePeriods
{
    public static AccountingPeriod Parse(string? text, int yearStartMonth, string field = "period")
    {
        if (DateOnly.TryParseExact((text ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return AccountingPeriod.Containing(first, yearStartMonth);
        }
        throw new ValidationFailedException([new DomainError(field, $"'{text}' is not a period; write it as YYYY-MM, e.g. 2026-05.")]);
    }
}
