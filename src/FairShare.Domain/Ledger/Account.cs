namespace FairShare.Domain.Ledger;

/// <summary>What an account records, which decides how the recharge run treats it.</summary>
public enum AccountKind
{
    /// <summary>A subjective expenditure category (employees, premises…) or support services bought: a cost centre's own cost.</summary>
    Expenditure,

    /// <summary>Income that reduces a cost centre's net cost: internal recharge income or external income.</summary>
    Income,

    /// <summary>Full-cost allocation of support services' remaining cost: received (debit) and allocated out (credit).</summary>
    SupportCostAllocation,

    /// <summary>A holding account a process passes money through; it must be 0.00 when the process ends. Never part of any
    /// cost centre's cost.</summary>
    Clearing,

    /// <summary>The other side of amounts imported from the council's general ledger (creditors, payroll, bank live
    /// there, not here). It carries a balance by design and is never part of any cost centre's cost.</summary>
    Control,
}

/// <summary>
/// An account of the chart: a code (as council ledgers write subjective codes), a name, a kind and what it is
/// for. Immutable; an account is identified by its <see cref="Code"/>.
/// </summary>
public sealed record Account
{
    public Account(string code, string name, AccountKind kind, string use)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown account kind.");
        }
        Code = code.Trim();
        Name = name.Trim();
        Kind = kind;
        Use = use ?? "";
    }

    public string Code { get; }
    public string Name { get; }
    public AccountKind Kind { get; }

    /// <summary>What is posted to the account, in a sentence for finance officers.</summary>
    public string Use { get; }

    /// <summary>Whether balances on this account count towards a cost centre's net cost (everything but clearing and control).</summary>
    public bool CountsTowardsCost => Kind is not (AccountKind.Clearing or AccountKind.Control);

    public override string ToString() => $"{Code} {Name}";
}

/// <summary>
/// The standard chart of accounts. Expenditure follows the CIPFA subjective analysis (employees, premises,
/// transport, supplies and services, third-party payments) so that actual costs imported from a council's
/// general ledger map onto it; the remaining accounts are the ones the recharge run posts to. Debits are
/// positive, so a cost centre's net cost is the sum of its balances on every account but the clearing and control ones.
/// </summary>
public static class ChartOfAccounts
{
    public static Account Employees { get; } = new("1000", "Employees", AccountKind.Expenditure,
        "Pay, national insurance, pension contributions and other staff costs (imported from the general ledger).");

    public static Account Premises { get; } = new("2000", "Premises", AccountKind.Expenditure,
        "Rent, rates, energy, cleaning and maintenance of buildings (imported).");

    public static Account Transport { get; } = new("3000", "Transport", AccountKind.Expenditure,
        "Vehicles, fuel, travel and mileage (imported).");

    public static Account SuppliesAndServices { get; } = new("4000", "Supplies and services", AccountKind.Expenditure,
        "Equipment, materials, licences, printing, professional fees (imported).");

    public static Account ThirdPartyPayments { get; } = new("5000", "Third-party payments", AccountKind.Expenditure,
        "Payments to external providers and other bodies for services (imported).");

    public static Account SupportServicesBought { get; } = new("6000", "Support services bought", AccountKind.Expenditure,
        "Internal recharge expenditure: the buyer's side of every priced charge, direct attribution and apportionment (debited by the run).");

    public static Account AllocatedSupportCostsReceived { get; } = new("6500", "Allocated support costs received", AccountKind.SupportCostAllocation,
        "A receiver's share of support services' remaining (unrecovered) cost from full-cost allocation (debited by the run).");

    public static Account InternalRechargeIncome { get; } = new("9000", "Internal recharge income", AccountKind.Income,
        "The provider's side of every priced charge, direct attribution and apportionment (credited by the run).");

    public static Account ExternalIncome { get; } = new("9100", "External income", AccountKind.Income,
        "Fees, grants and sales to bodies outside the authority (imported); it reduces the cost a support service passes on.");

    public static Account SupportCostsAllocatedOut { get; } = new("9500", "Support costs allocated out", AccountKind.SupportCostAllocation,
        "A support service's whole passed-on amount in full-cost allocation (credited by the run), so that it ends at 0.00 or its over-recovery.");

    public static Account RechargeClearing { get; } = new("9900", "Recharge clearing", AccountKind.Clearing,
        "Holds amounts between the steps of a run or an import whose counterpart is posted separately; it must be 0.00 when the run ends.");

    public static Account LedgerControl { get; } = new("9990", "General ledger control", AccountKind.Control,
        "The counterpart of actual costs and external income imported from the council's general ledger, so that an import balances.");

    /// <summary>Every standard account, in code order.</summary>
    public static IReadOnlyList<Account> Standard { get; } =
    [
        Employees, Premises, Transport, SuppliesAndServices, ThirdPartyPayments, SupportServicesBought,
        AllocatedSupportCostsReceived, InternalRechargeIncome, ExternalIncome, SupportCostsAllocatedOut, RechargeClearing, LedgerControl,
    ];

    private static readonly Dictionary<string, Account> ByCode = Standard.ToDictionary(a => a.Code, StringComparer.Ordinal);

    /// <summary>The standard account with this code, or null.</summary>
    public static Account? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>Whether a code counts towards cost. A council's own subjective codes (not in the standard chart) are costs.</summary>
    public static bool CountsTowardsCost(string accountCode) => Find(accountCode) is not { CountsTowardsCost: false };
}
