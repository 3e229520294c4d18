namespace FairShare.Domain;

/// <summary>Anything stored on behalf of one authority. The authority is the tenant: its data is private to it.</summary>
public interface ITenantOwned
{
    int AuthorityId { get; }
    Authority Authority { get; }
}

/// <summary>A council (or other public body): one tenant of FairShare.</summary>
public sealed class Authority
{
    private Authority() { }

    public Authority(string code, string name, int yearStartMonth = FinancialYear.UkCouncilStartMonth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(yearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yearStartMonth, 12);
        Code = code.ToUpperInvariant();
        Name = name;
        YearStartMonth = yearStartMonth;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The first calendar month of this authority's financial year (4 for UK councils).</summary>
    public int YearStartMonth { get; private set; }

    /// <summary>How this authority's monthly run allocates support services' remaining cost: reciprocal unless
    /// its finance team chooses direct or step-down (repeated distribution is for comparison, never for posting).</summary>
    public Allocation.AllocationMethod RechargeMethod { get; private set; } = Allocation.AllocationMethod.Reciprocal;

    public Result<Authority> UseRechargeMethod(Allocation.AllocationMethod method)
    {
        if (method is not (Allocation.AllocationMethod.Reciprocal or Allocation.AllocationMethod.Direct or Allocation.AllocationMethod.StepDown))
        {
            return Result<Authority>.Failure("method", "the recharge allocates by the reciprocal, direct or step-down method.");
        }
        RechargeMethod = method;
        return Result<Authority>.Success(this);
    }

    /// <summary>
    /// Whether posting, reversing or closing a period needs a second person: someone other than whoever ran the
    /// dry run it rests on (external auditors test journal authorisation). Off unless the authority turns it on.
    /// </summary>
    public bool RequiresTwoPeople { get; private set; }

    public Authority RequireTwoPeople(bool required)
    {
        RequiresTwoPeople = required;
        return this;
    }

    /// <summary>Whether accounts with the supplier role may sign in and see their own offerings. Off unless an administrator turns it on.</summary>
    public bool SupplierSelfService { get; private set; }

    public Authority AllowSupplierSelfService(bool allowed)
    {
        SupplierSelfService = allowed;
        return this;
    }

    public FinancialYear FinancialYearOf(DateOnly date) => FinancialYear.Containing(date, YearStartMonth);
    public FinancialYear FinancialYearStarting(int startYear) => new(startYear, YearStartMonth);
}

public sealed class Directorate : ITenantOwned
{
    private Directorate() { }

    public Directorate(Authority authority, string code, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Authority = authority;
        AuthorityId = authority.Id;
        Code = code;
        Name = name;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The first day the directorate exists (null: always has).</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>The last day the directorate exists (null: still does). A restructure ends one and starts another.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public bool IsInForceOn(DateOnly date) => (EffectiveFrom is null || EffectiveFrom <= date) && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>Renames the directorate and sets its dates; the last day is not before the first.</summary>
    public Result<Directorate> Amend(string name, DateOnly? from, DateOnly? to)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Result<Directorate>.Failure("name", "A directorate has a name.");
        }
        if (from is { } f && to is { } t && t < f)
        {
            return Result<Directorate>.Failure("to", $"The directorate's last day ({t:yyyy-MM-dd}) is before its first ({f:yyyy-MM-dd}).");
        }
        Name = name.Trim();
        EffectiveFrom = from;
        EffectiveTo = to;
        return Result<Directorate>.Success(this);
    }
}

public enum CostCentreKind
{
    /// <summary>A service the public sees (housing, social care, highways…): buys support.</summary>
    Frontline,

    /// <summary>A support service (legal, HR, IT…): sells to others and passes its cost on.</summary>
    Support,

    /// <summary>Corporate and democratic core (CIPFA SeRCOP): democratic representation and corporate management; never recharged.</summary>
    CorporateAndDemocraticCore,

    /// <summary>Non-distributed costs (CIPFA SeRCOP): past-service pension costs, unused assets; never recharged.</summary>
    NonDistributedCosts,
}

/// <summary>What each kind of cost centre does in the market.</summary>
public static class CostCentreKinds
{
    /// <summary>Corporate and democratic core and non-distributed costs: centrally held, never recharged to anyone.</summary>
    public static bool IsNeverRecharged(this CostCentreKind kind) => kind is CostCentreKind.CorporateAndDemocraticCore or CostCentreKind.NonDistributedCosts;

    /// <summary>The kind in words, lower case: "frontline", "corporate and democratic core".</summary>
    public static string Words(this CostCentreKind kind) => kind switch
    {
        CostCentreKind.Frontline => "frontline",
        CostCentreKind.Support => "support",
        CostCentreKind.CorporateAndDemocraticCore => "corporate and democratic core",
        _ => "non-distributed costs",
    };
}

public sealed class CostCentre : ITenantOwned
{
    private readonly List<Budget> _budgets = [];

    private CostCentre() { }

    public CostCentre(Directorate directorate, string code, string name, CostCentreKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Directorate = directorate;
        DirectorateId = directorate.Id;
        AuthorityId = directorate.AuthorityId;
        Authority = directorate.Authority;
        Code = code;
        Name = name;
        Kind = kind;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int DirectorateId { get; private set; }
    public Directorate Directorate { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CostCentreKind Kind { get; private set; }
    public IReadOnlyList<Budget> Budgets => _budgets;

    /// <summary>
    /// For a support service: the driver its remaining cost is allocated by in the full-cost allocation — null
    /// for what each receiver bought from it this period (the default), or a driver whose values are imported
    /// per cost centre and period (FTE, m², devices…).
    /// </summary>
    public string? AllocationDriver { get; private set; }

    /// <summary>Chooses how a support service's remaining cost is allocated: by a driver's name, or null for by what each receiver bought.</summary>
    public Result<CostCentre> AllocateBy(string? driver)
    {
        if (Kind != CostCentreKind.Support)
        {
            return Result<CostCentre>.Failure("driver", $"{Code} {Name} is not a support service: only support services' costs are allocated.");
        }
        var name = string.IsNullOrWhiteSpace(driver) ? null : driver.Trim();
        if (name is { Length: > 40 })
        {
            return Result<CostCentre>.Failure("driver", "A driver's name is at most 40 characters.");
        }
        AllocationDriver = name;
        return Result<CostCentre>.Success(this);
    }

    /// <summary>The fund the cost centre is accounted in (General Fund when null: every cost centre before funds were kept).</summary>
    public int? FundId { get; private set; }

    /// <summary>Who holds the budget: a user account of this authority, or nobody named yet.</summary>
    public int? BudgetHolderId { get; private set; }

    /// <summary>The Revenue Outturn (RO) service line the cost centre reports under, as the council codes it.</summary>
    public string? ServiceLineCode { get; private set; }

    public string? ServiceLineName { get; private set; }

    /// <summary>The first day the cost centre is closed: it takes no usage or postings dated on or after it. Never deleted.</summary>
    public DateOnly? ClosedFrom { get; private set; }

    public bool IsClosedOn(DateOnly date) => ClosedFrom is { } closed && date >= closed;

    /// <summary>Renames the cost centre and files it under a directorate, fund, budget holder and service line.</summary>
    public void Describe(string name, Directorate directorate, int? fundId, int? budgetHolderId, string? serviceLineCode, string? serviceLineName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(directorate);
        Name = name.Trim();
        Directorate = directorate;
        DirectorateId = directorate.Id;
        FundId = fundId;
        BudgetHolderId = budgetHolderId;
        ServiceLineCode = string.IsNullOrWhiteSpace(serviceLineCode) ? null : serviceLineCode.Trim();
        ServiceLineName = string.IsNullOrWhiteSpace(serviceLineName) ? null : serviceLineName.Trim();
    }

    /// <summary>Why the kind cannot change <paramref name="from"/> <paramref name="to"/> another, or null: a cost centre with postings keeps its kind,
    /// since its past recharges (bought, sold, never recharged) were decided by it.</summary>
    public static string? KindChangeRefusal(string code, CostCentreKind from, CostCentreKind to, bool hasPostings) =>
        from != to && hasPostings
            ? $"{code} has postings as a {from.Words()} cost centre; its kind cannot change to {to.Words()}. Close it from a date and open a new cost centre of the new kind."
            : null;

    /// <summary>Changes the kind; refused once the cost centre has postings (see <see cref="KindChangeRefusal"/>).</summary>
    public Result<CostCentre> ChangeKind(CostCentreKind kind, bool hasPostings)
    {
        if (KindChangeRefusal(Code, Kind, kind, hasPostings) is { } refusal)
        {
            return Result<CostCentre>.Failure("kind", refusal);
        }
        Kind = kind;
        if (kind != CostCentreKind.Support)
        {
            AllocationDriver = null;
        }
        return Result<CostCentre>.Success(this);
    }

    /// <summary>Closes the cost centre from a date (or reopens it with null). Closing is the end of a cost centre: it is never deleted.</summary>
    public Result<CostCentre> CloseFrom(DateOnly? from)
    {
        ClosedFrom = from;
        return Result<CostCentre>.Success(this);
    }

    /// <summary>This year's budget as it stands: the revised version if there is one, else the original. Never the draft.</summary>
    public Budget? BudgetFor(FinancialYear year) =>
        BudgetFor(year, BudgetVersion.Revised) ?? BudgetFor(year, BudgetVersion.Original);

    public Budget? BudgetFor(FinancialYear year, BudgetVersion version) =>
        _budgets.FirstOrDefault(b => b.FinancialYearStart == year.StartYear && b.Version == version);

    /// <summary>
    /// Sets the current budget for a year — the revised version if one is set, otherwise the original — with a flat
    /// profile. A budget, once set, is amended by a new figure, not a second one.
    /// </summary>
    public Result<Budget> SetBudget(FinancialYear year, Money amount) =>
        SetBudget(year, BudgetFor(year, BudgetVersion.Revised) is null ? BudgetVersion.Original : BudgetVersion.Revised, amount, null);

    /// <summary>Sets one version of a year's budget with its monthly profile (flat when null: see <see cref="BudgetProfile.Flat"/>).</summary>
    public Result<Budget> SetBudget(FinancialYear year, BudgetVersion version, Money amount, IReadOnlyList<Money>? profile)
    {
        if (amount < Money.Zero)
        {
            return Result<Budget>.Failure("budget", $"The budget for {year.Label} cannot be negative ({amount}).");
        }
        if (!Enum.IsDefined(version))
        {
            return Result<Budget>.Failure("version", "A budget is the original, the revised or next year's draft.");
        }
        var months = BudgetProfile.Check(amount, profile);
        if (!months.IsSuccess)
        {
            return Result<Budget>.Failure(months.Errors);
        }
        var existing = BudgetFor(year, version);
        if (existing is not null)
        {
            existing.Amend(amount, months.Value);
            return Result<Budget>.Success(existing);
        }
        var budget = new Budget(this, year, version, amount, months.Value);
        _budgets.Add(budget);
        return Result<Budget>.Success(budget);
    }
}

/// <summary>Which budget of a year: the one set before it began, the one revised during it, or next year's draft.</summary>
public enum BudgetVersion
{
    Original,
    Revised,
    Draft,
}

/// <summary>A cost centre's budget for one financial year, in one version, with its twelve monthly amounts.</summary>
public sealed class Budget : ITenantOwned
{
    private Budget() { }

    internal Budget(CostCentre costCentre, FinancialYear year, BudgetVersion version, Money amount, IReadOnlyList<Money> profile)
    {
        CostCentre = costCentre;
        Authority = costCentre.Authority;
        AuthorityId = costCentre.AuthorityId;
        FinancialYearStart = year.StartYear;
        Version = version;
        Amend(amount, profile);
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int CostCentreId { get; private set; }
    public CostCentre CostCentre { get; private set; } = null!;
    public int FinancialYearStart { get; private set; }
    public BudgetVersion Version { get; private set; }
    public Money Amount { get; private set; }

    /// <summary>The twelve months' amounts in pence, comma-separated, as stored; empty for budgets set before profiles (read as flat).</summary>
    public string ProfilePence { get; private set; } = "";

    /// <summary>The twelve months' amounts, month 1 of the financial year first; they sum exactly to <see cref="Amount"/>.</summary>
    public IReadOnlyList<Money> Profile => BudgetProfile.Parse(ProfilePence) ?? BudgetProfile.Flat(Amount);

    internal void Amend(Money amount, IReadOnlyList<Money> profile)
    {
        Amount = amount;
        ProfilePence = BudgetProfile.Format(profile);
    }
}

/// <summary>An external supplier approved by an authority to offer services in its marketplace.</summary>
public sealed class Supplier : ITenantOwned
{
    private Supplier() { }

    public Supplier(Authority authority, string code, string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Authority = authority;
        AuthorityId = authority.Id;
        Code = code;
        Name = name;
        Description = description;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>The framework agreement or contract the supplier was approved under (e.g. "CCS RM6187 Lot 2").</summary>
    public string ContractReference { get; private set; } = "";
    public DateOnly? ContractStart { get; private set; }
    public DateOnly? ContractEnd { get; private set; }

    /// <summary>Whether the contract has ended by this date: its rates are then shown as expired, never as an alternative.</summary>
    public bool ContractEndedBy(DateOnly date) => ContractEnd is { } end && end < date;

    /// <summary>Registers an approved supplier, checking every detail at once.</summary>
    public static Result<Supplier> Register(Authority authority, SupplierDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate().ToList();
        if (errors.Count > 0)
        {
            return Result<Supplier>.Failure(errors);
        }
        var supplier = new Supplier(authority, details.Code.Trim().ToUpperInvariant(), details.Name.Trim(), details.Description?.Trim() ?? "");
        supplier.Apply(details);
        return Result<Supplier>.Success(supplier);
    }

    /// <summary>Changes the supplier's details (its code stays: offerings and accounts name it).</summary>
    public Result<Supplier> Change(SupplierDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = (details with { Code = Code }).Validate().ToList();
        if (errors.Count > 0)
        {
            return Result<Supplier>.Failure(errors);
        }
        Name = details.Name.Trim();
        Description = details.Description?.Trim() ?? "";
        Apply(details);
        return Result<Supplier>.Success(this);
    }

    private void Apply(SupplierDetails details)
    {
        ContractReference = details.ContractReference?.Trim() ?? "";
        ContractStart = details.ContractStart;
        ContractEnd = details.ContractEnd;
    }
}
