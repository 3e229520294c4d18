using FairShare.Domain.Ledger;

namespace FairShare.Domain;

/// <summary>
/// One of the council's own ledger account codes (a subjective code such as 1101 "Salaries – APT&amp;C") and the
/// FairShare account category it belongs to (<see cref="ChartOfAccounts"/>: employees, premises, transport,
/// supplies and services, third-party payments, external income).
/// </summary>
public sealed class SubjectiveCode : ITenantOwned
{
    public const int MaxCode = 40;
    public const int MaxName = 200;

    private SubjectiveCode() { }

    public SubjectiveCode(Authority authority, string code, string name, Account category)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Authority = authority;
        AuthorityId = authority.Id;
        Code = code.Trim();
        Amend(name, category);
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The standard account's code this subjective code maps to.</summary>
    public string CategoryCode { get; private set; } = "";

    public void Amend(string name, Account category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(category);
        if (!IsCategory(category))
        {
            throw new ArgumentException($"{category} is not a category a ledger's codes map to.", nameof(category));
        }
        Name = name.Trim();
        CategoryCode = category.Code;
    }

    /// <summary>The categories a council's codes map to: the subjective expenditure accounts and external income.</summary>
    public static IReadOnlyList<Account> Categories { get; } =
    [
        ChartOfAccounts.Employees, ChartOfAccounts.Premises, ChartOfAccounts.Transport, ChartOfAccounts.SuppliesAndServices,
        ChartOfAccounts.ThirdPartyPayments, ChartOfAccounts.ExternalIncome,
    ];

    public static bool IsCategory(Account account) => Categories.Contains(account);

    /// <summary>A category by its code (4000) or its name (Supplies and services), any case; null if neither.</summary>
    public static Account? FindCategory(string text)
    {
        var t = (text ?? "").Trim();
        return Categories.FirstOrDefault(a => string.Equals(a.Code, t, StringComparison.Ordinal) || string.Equals(a.Name, t, StringComparison.OrdinalIgnoreCase));
    }
}
