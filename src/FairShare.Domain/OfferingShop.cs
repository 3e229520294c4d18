using System.Globalization;

namespace FairShare.Domain;

/// <summary>Where a year's price stands. Published is 0 so that prices set before drafts existed read as published.</summary>
public enum PriceState
{
    Published = 0,
    Draft = 1,
}

/// <summary>What an offering promises besides its price: notice to stop buying and service levels.</summary>
public sealed record OfferingTerms(int NoticeMonths = 0, int? RespondWithinWorkingDays = null, int? CompleteWithinWorkingDays = null, string? HoursOfCover = null)
{
    public static OfferingTerms None { get; } = new();
}

/// <summary>What a provider manager may change on an offering: everything but its code, provider and charging class.</summary>
public sealed record OfferingChanges(string Name, string? Description, string Category, string Unit, OfferingTerms Terms);

/// <summary>The provider's shop: editing and withdrawing an offering, drafting and publishing its prices, its charging class.</summary>
public sealed partial class Offering
{
    public const int MaxNoticeMonths = 24;
    public const int MaxWorkingDays = 365;

    private static void CheckLengths(List<DomainError> errors, string? code, string? name, string? description, string? category, string? unit)
    {
        foreach (var (field, value, max) in new[] { ("code", code, 40), ("name", name, 400), ("description", description, 2000), ("category", category, 100), ("unit", unit, 60) })
        {
            if (value is { } v && v.Trim().Length > max)
            {
                errors.Add(new DomainError(field, $"is longer than {max} characters."));
            }
        }
    }

    private static void CheckTerms(List<DomainError> errors, OfferingTerms terms)
    {
        if (terms.NoticeMonths is < 0 or > MaxNoticeMonths)
        {
            errors.Add(new DomainError("noticeMonths", $"must be from 0 to {MaxNoticeMonths} months (got {terms.NoticeMonths})."));
        }
        if (terms.RespondWithinWorkingDays is < 0 or > MaxWorkingDays)
        {
            errors.Add(new DomainError("respondWithinWorkingDays", $"must be from 0 to {MaxWorkingDays} working days (got {terms.RespondWithinWorkingDays})."));
        }
        if (terms.CompleteWithinWorkingDays is < 0 or > MaxWorkingDays)
        {
            errors.Add(new DomainError("completeWithinWorkingDays", $"must be from 0 to {MaxWorkingDays} working days (got {terms.CompleteWithinWorkingDays})."));
        }
        if (terms is { RespondWithinWorkingDays: { } respond, CompleteWithinWorkingDays: { } complete } && complete < respond)
        {
            errors.Add(new DomainError("completeWithinWorkingDays", $"cannot be sooner than the response ({complete} working days, responding within {respond})."));
        }
        if (terms.HoursOfCover is { Length: > 200 })
        {
            errors.Add(new DomainError("hoursOfCover", "is longer than 200 characters."));
        }
    }

    /// <summary>The service levels in words: respond, complete, hours of cover.</summary>
    public IReadOnlyList<string> DescribeServiceTerms()
    {
        var lines = new List<string>();
        if (RespondWithinWorkingDays is { } r)
        {
            lines.Add($"Responds within {Text.English.Count(r, "working day")}");
        }
        if (CompleteWithinWorkingDays is { } c)
        {
            lines.Add($"Completes within {Text.English.Count(c, "working day")}");
        }
        if (HoursOfCover.Length > 0)
        {
            lines.Add($"Hours of cover: {HoursOfCover}");
        }
        return lines;
    }

    /// <summary>Changes the offering's description and promises, checking every field at once.</summary>
    public Result<Offering> Change(OfferingChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<DomainError>();
        Require(errors, "name", changes.Name);
        Require(errors, "category", changes.Category);
        Require(errors, "unit", changes.Unit);
        CheckLengths(errors, null, changes.Name, changes.Description, changes.Category, changes.Unit);
        CheckTerms(errors, changes.Terms);
        if (WithdrawnFrom is { } withdrawn)
        {
            errors.Add(new DomainError("offering", $"{Code} was withdrawn from {Iso(withdrawn)}; a withdrawn offering stays as it was."));
        }
        if (errors.Count > 0)
        {
            return Result<Offering>.Failure(errors);
        }
        Name = changes.Name.Trim();
        Description = changes.Description?.Trim() ?? "";
        Category = changes.Category.Trim();
        Unit = changes.Unit.Trim();
        NoticeMonths = changes.Terms.NoticeMonths;
        RespondWithinWorkingDays = changes.Terms.RespondWithinWorkingDays;
        CompleteWithinWorkingDays = changes.Terms.CompleteWithinWorkingDays;
        HoursOfCover = changes.Terms.HoursOfCover?.Trim() ?? "";
        return Result<Offering>.Success(this);
    }

    public bool IsWithdrawnOn(DateOnly date) => WithdrawnFrom is { } from && from <= date;

    /// <summary>Takes the offering out of the catalogue from a day (today or later); it stays on record.</summary>
    public Result<DateOnly> Withdraw(DateOnly from, DateOnly today)
    {
        if (WithdrawnFrom is { } already)
        {
            return Result<DateOnly>.Failure("withdrawFrom", $"{Code} is already withdrawn from {Iso(already)}.");
        }
        if (from < today)
        {
            return Result<DateOnly>.Failure("withdrawFrom", $"{Iso(from)} is in the past; an offering leaves the catalogue from today or a later day.");
        }
        WithdrawnFrom = from;
        return Result<DateOnly>.Success(from);
    }

    // ---- Prices ----

    /// <summary>The published price in force on a date, or null when its year has none (yet).</summary>
    public OfferingPrice? PriceOn(DateOnly date)
    {
        var year = FinancialYear.Containing(date, Authority.YearStartMonth);
        return _prices
            .Where(p => p.IsPublished && p.FinancialYearStart == year.StartYear && year.Period(p.FromPeriod).FirstDay <= date)
            .MaxBy(p => p.FromPeriod);
    }

    /// <summary>The published price a recharge uses for a period: the one in force on its first day (a lower price only ever starts on a period's first day).</summary>
    public OfferingPrice? PriceIn(AccountingPeriod period) => PriceOn(period.FirstDay);

    /// <summary>The published price the year starts with.</summary>
    public OfferingPrice? PriceFor(FinancialYear year) => PriceOn(year.FirstDay);

    /// <summary>The draft for a year (from a period), if one is waiting to be published.</summary>
    public OfferingPrice? DraftFor(FinancialYear year, int fromPeriod = 1) =>
        _prices.FirstOrDefault(p => !p.IsPublished && p.FinancialYearStart == year.StartYear && p.FromPeriod == fromPeriod);

    /// <summary>
    /// Drafts a year's price, or corrects the draft there is. A year with a published price is bound by it: only a
    /// lower price may follow, from the first day of a period not yet begun.
    /// </summary>
    public Result<OfferingPrice> DraftPrice(FinancialYear year, int fromPeriod, PricingTerms terms, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = terms.Validate().ToList();
        errors.AddRange(CheckSupersession(year, fromPeriod, terms, today));
        if (WithdrawnFrom is { } withdrawn && year.Period(Math.Clamp(fromPeriod, 1, 12)).FirstDay >= withdrawn)
        {
            errors.Add(new DomainError("financialYear", $"{Code} is withdrawn from {Iso(withdrawn)}; it takes no prices after that."));
        }
        if (errors.Count > 0)
        {
            return Result<OfferingPrice>.Failure(errors);
        }
        if (DraftFor(year, fromPeriod) is { } draft)
        {
            draft.Correct(terms);
            return Result<OfferingPrice>.Success(draft);
        }
        var price = new OfferingPrice(this, year, fromPeriod, terms);
        _prices.Add(price);
        return Result<OfferingPrice>.Success(price);
    }

    /// <summary>Publishes a draft: from then on it binds for its year. The rules are checked again, as time has passed.</summary>
    public Result<OfferingPrice> PublishPrice(FinancialYear year, int fromPeriod, DateOnly today)
    {
        if (DraftFor(year, fromPeriod) is not { } draft)
        {
            return Result<OfferingPrice>.Failure("financialYear",
                $"{Code} has no draft price for {year.Label}{(fromPeriod > 1 ? $" from period {fromPeriod}" : "")} to publish.");
        }
        var errors = CheckSupersession(year, fromPeriod, draft.Terms, today).ToList();
        if (errors.Count > 0)
        {
            return Result<OfferingPrice>.Failure(errors);
        }
        draft.Publish(today);
        return Result<OfferingPrice>.Success(draft);
    }

    private IEnumerable<DomainError> CheckSupersession(FinancialYear year, int fromPeriod, PricingTerms terms, DateOnly today)
    {
        if (fromPeriod is < 1 or > AccountingPeriod.PeriodsPerYear)
        {
            yield return new DomainError("fromPeriod", $"must be a period from 1 to {AccountingPeriod.PeriodsPerYear} (got {fromPeriod}).");
            yield break;
        }
        var published = _prices.Where(p => p.IsPublished && p.FinancialYearStart == year.StartYear).ToList();
        if (published.Count == 0)
        {
            if (fromPeriod > 1)
            {
                yield return new DomainError("fromPeriod", $"{year.Label} has no published price to supersede; a year's first price applies from period 1.");
            }
            yield break;
        }
        var start = year.Period(fromPeriod);
        var binding = published.Where(p => p.FromPeriod < fromPeriod).MaxBy(p => p.FromPeriod);
        if (binding is null)
        {
            var first = published.MinBy(p => p.FromPeriod)!;
            yield return new DomainError("financialYear",
                $"{Code}'s {year.Label} price is published ({first.Terms.Describe(Unit)}) and binds for the year; only a lower price may supersede it, from the first day of a later period.");
            yield break;
        }
        if (start.FirstDay <= today)
        {
            yield return new DomainError("fromPeriod",
                $"{start} has already begun; a lower price may supersede the published one only from the first day of a period still to come.");
        }
        if (published.Any(p => p.FromPeriod >= fromPeriod))
        {
            yield return new DomainError("fromPeriod", $"{Code} already has a published {year.Label} price from period {published.Max(p => p.FromPeriod)}.");
        }
        if (NotLower(terms, binding.Terms) is { } reason)
        {
            yield return new DomainError("price", $"a published price binds for its year: {reason} (published: {binding.Terms.Describe(Unit)})");
        }
    }

    /// <summary>Why a proposed price is not lower than the binding one, or null when it is lower.</summary>
    internal static string? NotLower(PricingTerms proposed, PricingTerms binding)
    {
        if (proposed.Model != binding.Model)
        {
            return $"a superseding price keeps the pricing model ({binding.Model.ToString()}).";
        }
        (decimal Proposed, decimal Binding)[] terms;
        switch (proposed, binding)
        {
            case (PayAsYouGo p, PayAsYouGo b):
                terms = [(p.Rate, b.Rate)];
                break;
            case (Subscription p, Subscription b):
                if (p.IncludedQuantity < b.IncludedQuantity || (p.OverageRate is null) != (b.OverageRate is null) || p.Schedule != b.Schedule)
                {
                    return "a lower subscription keeps its schedule, its overage and at least its included quantity.";
                }
                terms = [(p.AnnualFee.Pounds, b.AnnualFee.Pounds), (p.OverageRate ?? 0, b.OverageRate ?? 0), (-p.IncludedQuantity, -b.IncludedQuantity)];
                break;
            case (FixedFeePlusDriver p, FixedFeePlusDriver b):
                if (!string.Equals(p.Driver, b.Driver, StringComparison.OrdinalIgnoreCase))
                {
                    return $"a lower price keeps its driver ({b.Driver}).";
                }
                terms = [(p.FixedFee.Pounds, b.FixedFee.Pounds), (p.RatePerDriverUnit, b.RatePerDriverUnit)];
                break;
            case (Quoted p, Quoted b):
                terms = [(p.IndicativeHourlyRate ?? 0, b.IndicativeHourlyRate ?? 0)];
                break;
            default:
                return "the pricing models differ.";
        }
        return terms.Any(t => t.Proposed > t.Binding) ? "the new price is higher in part, and only a lower price may supersede it."
            : terms.All(t => t.Proposed == t.Binding) ? "the new price is the same, and only a lower price may supersede it."
            : null;
    }

    // ---- Charging class ----

    /// <summary>The charging class in force on a date.</summary>
    public ChargingClass ChargingClassOn(DateOnly date) =>
        _classChanges.Where(c => c.EffectiveFrom <= date).MaxBy(c => c.EffectiveFrom)?.ChargingClass ?? ChargingClass;

    /// <summary>The panel's decision: the offering is charged in this class from the first day of a period not yet ended.</summary>
    public Result<ChargingClassChange> SetChargingClass(ChargingClass chargingClass, AccountingPeriod from, DateOnly today)
    {
        if (!Enum.IsDefined(chargingClass))
        {
            return Result<ChargingClassChange>.Failure("chargingClass", $"'{chargingClass}' is not a charging class.");
        }
        if (from.IsAdjustment)
        {
            return Result<ChargingClassChange>.Failure("fromPeriod", "a charging class starts in one of the twelve months, not the year-end adjustment period.");
        }
        if (from.LastDay < today)
        {
            return Result<ChargingClassChange>.Failure("fromPeriod", $"{from} has ended; a charging class starts from a period still to come or under way.");
        }
        if (ChargingClassOn(from.FirstDay) == chargingClass)
        {
            return Result<ChargingClassChange>.Failure("chargingClass", $"{Code} is already {chargingClass.ToString()} from {Iso(from.FirstDay)}.");
        }
        if (_classChanges.FirstOrDefault(c => c.EffectiveFrom == from.FirstDay) is { } same)
        {
            same.Change(chargingClass);
            return Result<ChargingClassChange>.Success(same);
        }
        var change = new ChargingClassChange(this, chargingClass, from.FirstDay);
        _classChanges.Add(change);
        return Result<ChargingClassChange>.Success(change);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
