namespace FairShare.Domain;

/// <summary>
/// How one ledger's export names FairShare's fields: a saved list of (column in the file → field), per authority,
/// kind of file and name ("unit4-hierarchy", "oracle-budgets"). Ledgers differ; the template does not have to.
/// </summary>
public sealed class ColumnMapping : ITenantOwned
{
    public const int MaxName = 60;

    private ColumnMapping() { }

    public ColumnMapping(Authority authority, string name, string kind, string columns, string? dateFormat)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Authority = authority;
        AuthorityId = authority.Id;
        Name = name.Trim().ToLowerInvariant();
        Amend(kind, columns, dateFormat);
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Name { get; private set; } = "";

    /// <summary>The kind of organisation file it reads (directorates, cost-centres, budgets, subjective-codes, funds).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The pairs as stored: "source column=field" per line.</summary>
    public string Columns { get; private set; } = "";

    /// <summary>How the file writes dates (dd/MM/yyyy, dd-MMM-yy…); null for YYYY-MM-DD.</summary>
    public string? DateFormat { get; private set; }

    public void Amend(string kind, string columns, string? dateFormat)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        Kind = kind;
        Columns = columns ?? "";
        DateFormat = string.IsNullOrWhiteSpace(dateFormat) ? null : dateFormat.Trim();
    }
}
