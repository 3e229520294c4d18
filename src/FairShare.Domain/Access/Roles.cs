namespace FairShare.Domain.Access;

/// <summary>The people who use FairShare (PRODUCT.md, "Who uses it").</summary>
public enum Role
{
    /// <summary>A frontline service manager: buys support for the cost centres they hold.</summary>
    BudgetHolder,

    /// <summary>The head of a support service: publishes its offerings and prices.</summary>
    ProviderManager,

    /// <summary>Staff of a support service: record time and usage.</summary>
    ProviderStaff,

    /// <summary>Runs recharges, closes periods, sets budgets.</summary>
    FinanceOfficer,

    /// <summary>The management team's value-for-money panel.</summary>
    ValueForMoneyPanel,

    /// <summary>Reads everything in the authority, changes nothing.</summary>
    Auditor,

    /// <summary>An external supplier: sees only its own offerings, orders and invoices.</summary>
    Supplier,

    /// <summary>Manages the organisation, users, roles and API tokens.</summary>
    Administrator,
}

/// <summary>What a use case may require of the one who calls it.</summary>
public enum Permission
{
    ReadCatalogue,
    ReadAllCostCentres,
    ReadScopedCostCentres,
    SetOfferingPrices,
    SetBudgets,
    ReadAuditLog,
    ManageUsers,
    ManageApiTokens,

    /// <summary>Import usage and time records (providers: only for their own service's offerings).</summary>
    ImportUsage,

    /// <summary>Import driver values and actual costs from the general ledger.</summary>
    ImportLedgerData,

    /// <summary>Run, reverse and export the monthly recharge; close periods.</summary>
    RunRecharge,

    /// <summary>Read the month end: periods, imports, runs and their journals (finance officers and auditors).</summary>
    ReadLedger,

    /// <summary>Set the authority's own policies, such as requiring two people to post (administrators).</summary>
    SetAuthorityPolicy,

    /// <summary>Import and change the organisation: directorates, cost centres, budgets, subjective codes, funds, column mappings; close cost centres.</summary>
    ManageOrganisation,
    /// <summary>Register approved external suppliers, their contracts and contract rates (finance officers act as procurement).</summary>
    ManageSuppliers,

    /// <summary>Add, change and withdraw offerings (provider managers: only their own service's; administrators).</summary>
    ManageOfferings,

    /// <summary>Set an offering's charging class from a period (the value-for-money panel).</summary>
    SetChargingClass,
}

/// <summary>
/// Which role grants which permission: one table, read by every use case, so pages, API and CLI obey the
/// same rules. Scoped permissions (a budget holder's cost centres, a provider's service) are further limited
/// by the <see cref="Actor"/>'s scope.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.BudgetHolder] = [Permission.ReadCatalogue, Permission.ReadScopedCostCentres],
        [Role.ProviderManager] = [Permission.ReadCatalogue, Permission.ReadScopedCostCentres, Permission.SetOfferingPrices, Permission.ImportUsage,
            Permission.ManageOfferings],
        [Role.ProviderStaff] = [Permission.ReadCatalogue, Permission.ReadScopedCostCentres, Permission.ImportUsage],
        [Role.FinanceOfficer] = [Permission.ReadCatalogue, Permission.ReadAllCostCentres, Permission.SetBudgets,
            Permission.ImportUsage, Permission.ImportLedgerData, Permission.RunRecharge, Permission.ReadLedger, Permission.ManageOrganisation,
            Permission.ManageSuppliers],
        [Role.ValueForMoneyPanel] = [Permission.ReadCatalogue, Permission.ReadAllCostCentres, Permission.SetChargingClass],
        [Role.Auditor] = [Permission.ReadCatalogue, Permission.ReadAllCostCentres, Permission.ReadAuditLog, Permission.ReadLedger],
        [Role.Supplier] = [Permission.ReadCatalogue],
        [Role.Administrator] = [Permission.ReadCatalogue, Permission.ReadAllCostCentres, Permission.ReadAuditLog,
            Permission.ManageUsers, Permission.ManageApiTokens, Permission.SetOfferingPrices, Permission.SetBudgets,
            Permission.ImportUsage, Permission.ImportLedgerData, Permission.RunRecharge, Permission.ReadLedger, Permission.SetAuthorityPolicy,
            Permission.ManageOrganisation, Permission.ManageSuppliers, Permission.ManageOfferings],
    };

    public static bool Grants(Role role, Permission permission) => Table[role].Contains(permission);

    public static IReadOnlyList<Permission> PermissionsOf(Role role) => Table[role];

    /// <summary>Whether the role's scope names a cost centre (budget holders, provider staff and managers).</summary>
    public static bool IsScopedToCostCentre(Role role) =>
        role is Role.BudgetHolder or Role.ProviderManager or Role.ProviderStaff;

    public static string Describe(Role role) => role switch
    {
        Role.BudgetHolder => "Budget holder",
        Role.ProviderManager => "Provider manager",
        Role.ProviderStaff => "Provider staff",
        Role.FinanceOfficer => "Finance officer",
        Role.ValueForMoneyPanel => "Value-for-money panel",
        Role.Auditor => "Auditor",
        Role.Supplier => "Supplier",
        _ => "Administrator",
    };
}

/// <summary>One role held in one authority, optionally limited to a cost centre or a supplier.</summary>
public sealed record RoleGrant(Role Role, int? CostCentreId = null, int? SupplierId = null);

/// <summary>
/// Who is acting: a signed-in person, an API token or a command-line operator, always within one authority.
/// Use cases ask it, never the web or the CLI, whether an action is allowed.
/// </summary>
public sealed record Actor(string Id, string Name, int AuthorityId, IReadOnlyList<RoleGrant> Grants, string Via)
{
    public bool Has(Permission permission) => Grants.Any(g => AccessPolicy.Grants(g.Role, permission));

    public bool IsIn(Role role) => Grants.Any(g => g.Role == role);

    /// <summary>Cost centres this actor's scoped roles name; empty when it has none.</summary>
    public IReadOnlySet<int> ScopedCostCentres => Grants.Where(g => g.CostCentreId is not null).Select(g => g.CostCentreId!.Value).ToHashSet();

    public IReadOnlySet<int> ScopedSuppliers => Grants.Where(g => g.SupplierId is not null).Select(g => g.SupplierId!.Value).ToHashSet();

    /// <summary>Whether it may read this cost centre of its own authority.</summary>
    public bool CanReadCostCentre(int costCentreId) =>
        Has(Permission.ReadAllCostCentres) || (Has(Permission.ReadScopedCostCentres) && ScopedCostCentres.Contains(costCentreId));

    /// <summary>Whether it may price an offering provided by this cost centre.</summary>
    public bool CanPriceOfferingOf(int? providerCostCentreId) =>
        IsIn(Role.Administrator)
        || Grants.Any(g => g.Role == Role.ProviderManager && g.CostCentreId is not null && g.CostCentreId == providerCostCentreId);

    /// <summary>Whether it may record usage of an offering provided by this cost centre (providers: only their own service).</summary>
    public bool CanRecordUsageOf(int? providerCostCentreId) =>
        Grants.Any(g => (g.Role is Role.FinanceOfficer or Role.Administrator)
            || (g.Role is Role.ProviderManager or Role.ProviderStaff && g.CostCentreId is not null && g.CostCentreId == providerCostCentreId));

    /// <summary>A supplier sees only its own offerings; everyone else sees the whole catalogue.</summary>
    public bool SeesOnlyOwnSupplierOfferings => Grants.All(g => g.Role == Role.Supplier);

    public string RoleNames => string.Join(", ", Grants.Select(g => AccessPolicy.Describe(g.Role)).Distinct());
}
