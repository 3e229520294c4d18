namespace FairShare.Domain;

/// <summary>
/// A fund a council accounts in. The General Fund is not ring-fenced; the Housing Revenue Account, the Dedicated
/// Schools Grant and Public Health are, so that a recharge into one of them is something external audit tests.
/// Each authority keeps its own list: the four standard ones, and others it names.
/// </summary>
public sealed class Fund : ITenantOwned
{
    public const int MaxCode = 20;
    public const int MaxName = 200;

    private Fund() { }

    public Fund(Authority authority, string code, string name, bool ringFenced)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Authority = authority;
        AuthorityId = authority.Id;
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        RingFenced = ringFenced;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Whether the fund's money may be spent only on its purpose (HRA, DSG, Public Health grant).</summary>
    public bool RingFenced { get; private set; }

    public void Amend(string name, bool ringFenced)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        RingFenced = ringFenced;
    }

    /// <summary>The General Fund's code: where a cost centre with no fund named is accounted.</summary>
    public const string GeneralFundCode = "GF";

    /// <summary>The funds every authority starts with.</summary>
    public static IReadOnlyList<(string Code, string Name, bool RingFenced)> Standard { get; } =
    [
        (GeneralFundCode, "General Fund", false),
        ("HRA", "Housing Revenue Account", true),
        ("DSG", "Dedicated Schools Grant and schools", true),
        ("PH", "Public Health", true),
    ];
}
