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
}

public enum CostCentreKind
{
    /// <summary>A service the public sees (housing, social care, highways…): buys support.</summary>
    Frontline,

    /// <summary>A support service (legal, HR, IT…): sells to others and passes its cost on.</summary>
    Support,

    /// <summary>Corporate and democratic core or non-distributed costs: never recharged.</summary>
    Corporate,
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

    public Budget? BudgetFor(FinancialYear year) => _budgets.FirstOrDefault(b => b.FinancialYearStart == year.StartYear);

    /// <summary>Sets the budget for a year. A budget, once set, is amended by a new figure, not a second one.</summary>
    public Result<Budget> SetBudget(FinancialYear year, Money amount)
    {
        if (amount < Money.Zero)
        {
            return Result<Budget>.Failure("budget", $"The budget for {year.Label} cannot be negative ({amount}).");
        }
        var existing = BudgetFor(year);
        if (existing is not null)
        {
            existing.Amend(amount);
            return Result<Budget>.Success(existing);
        }
        var budget = new Budget(this, year, amount);
        _budgets.Add(budget);
        return Result<Budget>.Success(budget);
    }
}

/// <summary>A cost centre's budget for one financial year.</summary>
public sealed class Budget : ITenantOwned
{
    private Budget() { }

    internal Budget(CostCentre costCentre, FinancialYear year, Money amount)
    {
        CostCentre = costCentre;
        Authority = costCentre.Authority;
        AuthorityId = costCentre.AuthorityId;
        FinancialYearStart = year.StartYear;
        Amount = amount;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int CostCentreId { get; private set; }
    public CostCentre CostCentre { get; private set; } = null!;
    public int FinancialYearStart { get; private set; }
    public Money Amount { get; private set; }

    internal void Amend(Money amount) => Amount = amount;
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
