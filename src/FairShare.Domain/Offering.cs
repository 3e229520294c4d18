using FairShare.Domain.Text;

namespace FairShare.Domain;

public enum ChargingClass
{
    /// <summary>Optional: the buyer may buy it elsewhere.</summary>
    Tradeable,

    /// <summary>Must be bought internally for a legal or policy reason; challengeable only at the strategic level.</summary>
    Mandatory,

    /// <summary>Never charged: centrally funded.</summary>
    CorporateCore,

    /// <summary>Costs met from a risk pool.</summary>
    Pooled,
}

/// <summary>Who provides an offering, seen from the authority that is looking at it.</summary>
public enum ProviderType
{
    Internal,
    NeighbouringAuthority,
    ExternalSupplier,
}

/// <summary>
/// Something a provider sells: a unit, a pricing model with prices per financial year, service levels and
/// a charging class. The provider is one of the owning authority's support cost centres or an external
/// supplier it has approved. An authority lists an internal offering to other authorities by putting it on
/// the shared marketplace; they then see it as a neighbouring authority's offering.
/// </summary>
public sealed partial class Offering : ITenantOwned
{
    private readonly List<OfferingPrice> _prices = [];
    private readonly List<ChargingClassChange> _classChanges = [];
    private readonly List<ServiceLevel> _serviceLevels = [];

    private Offering() { }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Category { get; private set; } = "";

    /// <summary>The unit sold, singular: hour, case, payslip, device, pupil, FTE.</summary>
    public string Unit { get; private set; } = "";
    public ChargingClass ChargingClass { get; private set; }
    public int? ProviderCostCentreId { get; private set; }
    public CostCentre? ProviderCostCentre { get; private set; }
    public int? SupplierId { get; private set; }
    public Supplier? Supplier { get; private set; }
    public bool ListedOnMarketplace { get; private set; }
    public IReadOnlyList<OfferingPrice> Prices => _prices;
    public IReadOnlyList<ServiceLevel> ServiceLevels => _serviceLevels;

    /// <summary>The charging class set by the value-for-money panel from the start of a period; <see cref="ChargingClass"/> before the first.</summary>
    public IReadOnlyList<ChargingClassChange> ChargingClassChanges => _classChanges;

    /// <summary>Months' notice a buyer gives to stop buying.</summary>
    public int NoticeMonths { get; private set; }
    public int? RespondWithinWorkingDays { get; private set; }
    public int? CompleteWithinWorkingDays { get; private set; }

    /// <summary>Hours of cover in words, e.g. "Monday to Friday, 9am to 5pm".</summary>
    public string HoursOfCover { get; private set; } = "";

    /// <summary>The day it leaves the catalogue; it stays on record (prices, usage, history).</summary>
    public DateOnly? WithdrawnFrom { get; private set; }

    public string ProviderName => ProviderCostCentre?.Name ?? Supplier?.Name ?? "";

    public ProviderType ProviderTypeFor(int viewingAuthorityId) =>
        AuthorityId != viewingAuthorityId ? ProviderType.NeighbouringAuthority
        : SupplierId is not null || Supplier is not null ? ProviderType.ExternalSupplier
        : ProviderType.Internal;

    public PricingModel? PricingModel => _prices.Count == 0 ? null : _prices.MaxBy(p => p.FinancialYearStart)!.Model;

    /// <summary>Creates an offering, checking every rule at once so that all problems are reported together.</summary>
    public static Result<Offering> Create(OfferingDraft draft)
    {
        var errors = new List<DomainError>();
        Require(errors, "code", draft.Code);
        Require(errors, "name", draft.Name);
        Require(errors, "category", draft.Category);
        Require(errors, "unit", draft.Unit);
        CheckLengths(errors, draft.Code, draft.Name, draft.Description, draft.Category, draft.Unit);
        CheckTerms(errors, draft.Terms);
        if (!Enum.IsDefined(draft.ChargingClass))
        {
            errors.Add(new DomainError("chargingClass", $"'{draft.ChargingClass}' is not a charging class."));
        }
        switch (draft.ProviderCostCentre, draft.Supplier)
        {
            case (null, null):
                errors.Add(new DomainError("provider", "an offering needs a provider: a support cost centre or an external supplier."));
                break;
            case ({ }, { }):
                errors.Add(new DomainError("provider", "an offering has one provider, not both a cost centre and a supplier."));
                break;
            case ({ Kind: not CostCentreKind.Support } cc, null):
                errors.Add(new DomainError("provider", $"{cc.Code} {cc.Name} is a {cc.Kind.Words()} cost centre; only support services provide offerings."));
                break;
        }
        var authority = draft.ProviderCostCentre?.Authority ?? draft.Supplier?.Authority;
        if (errors.Count > 0)
        {
            return Result<Offering>.Failure(errors);
        }
        return Result<Offering>.Success(new Offering
        {
            Authority = authority!,
            AuthorityId = authority!.Id,
            Code = draft.Code.Trim(),
            Name = draft.Name.Trim(),
            Description = draft.Description?.Trim() ?? "",
            Category = draft.Category.Trim(),
            Unit = draft.Unit.Trim(),
            ChargingClass = draft.ChargingClass,
            ProviderCostCentre = draft.ProviderCostCentre,
            Supplier = draft.Supplier,
            ListedOnMarketplace = draft.ListedOnMarketplace,
            NoticeMonths = draft.Terms.NoticeMonths,
            RespondWithinWorkingDays = draft.Terms.RespondWithinWorkingDays,
            CompleteWithinWorkingDays = draft.Terms.CompleteWithinWorkingDays,
            HoursOfCover = draft.Terms.HoursOfCover?.Trim() ?? "",
        });
    }

    private static void Require(List<DomainError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new DomainError(field, "is required."));
        }
    }

    /// <summary>Sets and publishes the price for a whole financial year (the demo and imports); providers draft then publish.</summary>
    public Result<OfferingPrice> AddPrice(FinancialYear year, PricingTerms terms)
    {
        var errors = terms.Validate().ToList();
        if (_prices.FirstOrDefault(p => p.FinancialYearStart == year.StartYear && p.FromPeriod == 1) is { } existing)
        {
            errors.Add(new DomainError("financialYear",
                $"{Code} already has a {year.Label} price ({existing.Terms.Describe(Unit)}); prices are never overwritten."));
        }
        if (errors.Count > 0)
        {
            return Result<OfferingPrice>.Failure(errors);
        }
        var price = new OfferingPrice(this, year, 1, terms);
        price.Publish(year.FirstDay);
        _prices.Add(price);
        return Result<OfferingPrice>.Success(price);
    }

    public Result<ServiceLevel> AddServiceLevel(string measure, string target, int? targetWorkingDays)
    {
        if (string.IsNullOrWhiteSpace(measure))
        {
            return Result<ServiceLevel>.Failure("measure", "is required.");
        }
        if (targetWorkingDays is < 0)
        {
            return Result<ServiceLevel>.Failure("targetWorkingDays", $"cannot be negative (got {targetWorkingDays}).");
        }
        var level = new ServiceLevel(this, measure.Trim(), target.Trim(), targetWorkingDays);
        _serviceLevels.Add(level);
        return Result<ServiceLevel>.Success(level);
    }
}

/// <summary>What a provider fills in to list an offering.</summary>
public sealed record OfferingDraft(
    string Code,
    string Name,
    string? Description,
    string Category,
    string Unit,
    ChargingClass ChargingClass,
    CostCentre? ProviderCostCentre = null,
    Supplier? Supplier = null,
    bool ListedOnMarketplace = false,
    OfferingTerms? ServiceTerms = null)
{
    public OfferingTerms Terms => ServiceTerms ?? OfferingTerms.None;
}

/// <summary>A promise about delivery, e.g. "First response" within 5 working days.</summary>
public sealed class ServiceLevel : ITenantOwned
{
    private ServiceLevel() { }

    internal ServiceLevel(Offering offering, string measure, string target, int? targetWorkingDays)
    {
        Offering = offering;
        Authority = offering.Authority;
        AuthorityId = offering.AuthorityId;
        Measure = measure;
        Target = target;
        TargetWorkingDays = targetWorkingDays;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int OfferingId { get; private set; }
    public Offering Offering { get; private set; } = null!;
    public string Measure { get; private set; } = "";
    public string Target { get; private set; } = "";
    public int? TargetWorkingDays { get; private set; }

    public string Describe() => TargetWorkingDays is { } days
        ? $"{Measure}: within {English.Count(days, "working day")}{(Target.Length > 0 ? $" ({Target})" : "")}"
        : $"{Measure}: {Target}";
}

/// <summary>
/// An offering's price for one financial year. Stored flat (one column per term) so that every pricing
/// model sits in one table; <see cref="Terms"/> rebuilds the typed terms.
/// </summary>
public sealed class OfferingPrice : ITenantOwned
{
    private OfferingPrice() { }

    internal OfferingPrice(Offering offering, FinancialYear year, int fromPeriod, PricingTerms terms)
    {
        Offering = offering;
        Authority = offering.Authority;
        AuthorityId = offering.AuthorityId;
        FinancialYearStart = year.StartYear;
        FromPeriod = fromPeriod;
        State = PriceState.Draft;
        SetTerms(terms);
    }

    /// <summary>A draft is correctable; a published price never changes.</summary>
    internal void Correct(PricingTerms terms)
    {
        if (State != PriceState.Draft)
        {
            throw new InvalidOperationException("A published price is never changed.");
        }
        SetTerms(terms);
    }

    internal void Publish(DateOnly on)
    {
        State = PriceState.Published;
        PublishedOn = on;
    }

    private void SetTerms(PricingTerms terms)
    {
        Model = terms.Model;
        (Rate, Fee, IncludedQuantity, Schedule, Driver) = ((decimal?)null, (Money?)null, (decimal?)null, (InvoiceSchedule?)null, (string?)null);
        switch (terms)
        {
            case PayAsYouGo p:
                Rate = p.Rate;
                break;
            case Subscription s:
                Fee = s.AnnualFee;
                IncludedQuantity = s.IncludedQuantity;
                Rate = s.OverageRate;
                Schedule = s.Schedule;
                break;
            case FixedFeePlusDriver f:
                Fee = f.FixedFee;
                Rate = f.RatePerDriverUnit;
                Driver = f.Driver;
                break;
            case Quoted q:
                Rate = q.IndicativeHourlyRate;
                break;
            default:
                throw new ArgumentException($"Unknown pricing terms {terms.GetType().Name}.", nameof(terms));
        }
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int OfferingId { get; private set; }
    public Offering Offering { get; private set; } = null!;
    public int FinancialYearStart { get; private set; }

    /// <summary>The period it applies from: 1 for the whole year; later when it supersedes a published price with a lower one.</summary>
    public int FromPeriod { get; private set; } = 1;
    public PriceState State { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public bool IsPublished => State == PriceState.Published;
    public PricingModel Model { get; private set; }

    /// <summary>The rate per unit (pay as you go), overage rate (subscription), driver rate or indicative hourly rate (quoted).</summary>
    public decimal? Rate { get; private set; }

    /// <summary>The annual fee (subscription) or fixed fee (fixed fee plus driver).</summary>
    public Money? Fee { get; private set; }
    public decimal? IncludedQuantity { get; private set; }
    public InvoiceSchedule? Schedule { get; private set; }
    public string? Driver { get; private set; }

    public PricingTerms Terms => Model switch
    {
        PricingModel.PayAsYouGo => new PayAsYouGo(Rate ?? 0),
        PricingModel.Subscription => new Subscription(Fee ?? Money.Zero, IncludedQuantity ?? 0, Rate, Schedule ?? InvoiceSchedule.Monthly),
        PricingModel.FixedFeePlusDriver => new FixedFeePlusDriver(Fee ?? Money.Zero, Rate ?? 0, Driver ?? ""),
        PricingModel.Quoted => new Quoted(Rate),
        _ => throw new InvalidOperationException($"Unknown pricing model {Model}."),
    };
}
