using System.Security.Cryptography;
using System.Text;

namespace FairShare.Domain.Access;

/// <summary>A person who signs in to one authority. The password is only ever held as a hash.</summary>
public sealed class UserAccount : ITenantOwned
{
    private readonly List<RoleAssignment> _roles = [];

    private UserAccount() { }

    public UserAccount(Authority authority, string email, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Authority = authority;
        AuthorityId = authority.Id;
        Email = email.Trim();
        NormalizedEmail = Normalise(email);
        DisplayName = displayName.Trim();
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public bool LockoutEnabled { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }

    /// <summary>Locked until <see cref="LockoutEnd"/>, or disabled: no sign-in, and any session it has ends.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockoutEnd > now || IsDisabled;

    /// <summary>When an administrator disabled the account (null while it may sign in). A disabled account is kept: the audit log refers to it.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>When the person last signed in (with a password or through the council's identity provider).</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The SHA-256 of the one-time password reset link's secret, while one is outstanding; the secret itself is never stored.</summary>
    public string? PasswordResetHash { get; private set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; private set; }

    /// <summary>The subject identifier from the council's identity provider, when it signs in through OpenID Connect.</summary>
    public string? ExternalSubject { get; set; }

    public IReadOnlyList<RoleAssignment> Roles => _roles;

    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    public RoleAssignment Grant(RoleGrant grant)
    {
        var assignment = new RoleAssignment(this, grant);
        _roles.Add(assignment);
        return assignment;
    }

    public IReadOnlyList<RoleGrant> Grants => _roles.Select(r => r.ToGrant()).ToArray();

    public void Rename(string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        DisplayName = displayName.Trim();
    }

    public void ChangeEmail(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Email = email.Trim();
        NormalizedEmail = Normalise(email);
    }

    /// <summary>Sets the account's roles to exactly these, keeping the assignments that stay (so their ids and history do too).</summary>
    public void ReplaceGrants(IEnumerable<RoleGrant> grants)
    {
        var wanted = grants.Distinct().ToList();
        _roles.RemoveAll(r => !wanted.Contains(r.ToGrant()));
        foreach (var grant in wanted.Where(g => !_roles.Any(r => r.ToGrant() == g)))
        {
            Grant(grant);
        }
    }

    /// <summary>Disables the account: it cannot sign in, and a new security stamp ends every session it has.</summary>
    public void Disable(DateTimeOffset now)
    {
        DisabledAt ??= now;
        SecurityStamp = Guid.NewGuid().ToString("N");
        CancelPasswordReset();
    }

    public void Enable() => DisabledAt = null;

    /// <summary>Holds a new reset link's hash, replacing any earlier link (only the newest works).</summary>
    public void IssuePasswordReset(string hash, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        PasswordResetHash = hash;
        PasswordResetExpiresAt = expiresAt;
    }

    /// <summary>Whether this hash is the account's outstanding, unexpired reset link.</summary>
    public bool HasValidPasswordReset(string hash, DateTimeOffset now) =>
        !IsDisabled && PasswordResetHash is not null && PasswordResetExpiresAt > now
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PasswordResetHash), Encoding.ASCII.GetBytes(hash));

    /// <summary>Used or withdrawn: the link opens nothing any more.</summary>
    public void CancelPasswordReset()
    {
        PasswordResetHash = null;
        PasswordResetExpiresAt = null;
    }
}

/// <summary>
/// A one-time link to set a local password, which an administrator gives to the person (no email is sent): its
/// secret is random, shown once, stored only as a SHA-256 hash, used once and expiring after <see cref="ValidHours"/>.
/// </summary>
public static class PasswordResetLink
{
    public const int ValidHours = 72;

    /// <summary>The secret for the link and the hash to keep. At least 32 random bytes.</summary>
    public static (string Secret, string Hash) Create(ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length < 32)
        {
            throw new ArgumentException("A reset link needs at least 32 random bytes.", nameof(randomBytes));
        }
        var secret = Convert.ToHexStringLower(randomBytes);
        return (secret, HashOf(secret));
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "")));
}

public sealed class RoleAssignment : ITenantOwned
{
    private RoleAssignment() { }

    internal RoleAssignment(UserAccount user, RoleGrant grant)
    {
        User = user;
        Authority = user.Authority;
        AuthorityId = user.AuthorityId;
        Role = grant.Role;
        CostCentreId = grant.CostCentreId;
        SupplierId = grant.SupplierId;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int UserAccountId { get; private set; }
    public UserAccount User { get; private set; } = null!;
    public Role Role { get; private set; }
    public int? CostCentreId { get; private set; }
    public int? SupplierId { get; private set; }

    public RoleGrant ToGrant() => new(Role, CostCentreId, SupplierId);
}

/// <summary>
/// A machine's credential (a time-recording system posting usage, a ledger pulling journals): scoped to one
/// role in one authority, shown once when created, stored only as a SHA-256 hash, revocable and expiring.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const string SecretPrefix = "fs_";

    private ApiToken() { }

    private ApiToken(int authorityId, string name, RoleGrant grant, string hash, string prefix, DateTimeOffset createdAt, DateTimeOffset expiresAt, string createdBy)
    {
        AuthorityId = authorityId;
        Name = name;
        Role = grant.Role;
        CostCentreId = grant.CostCentreId;
        SupplierId = grant.SupplierId;
        Hash = hash;
        Prefix = prefix;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public Role Role { get; private set; }
    public int? CostCentreId { get; private set; }
    public int? SupplierId { get; private set; }

    /// <summary>The first characters of the secret, so people can tell tokens apart; not enough to use one.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public RoleGrant Grant => new(Role, CostCentreId, SupplierId);

    /// <summary>Creates a token and its secret. The secret is returned once and never stored.</summary>
    public static Result<(ApiToken Token, string Secret)> Issue(
        int authorityId, string name, RoleGrant grant, DateTimeOffset now, int validDays, string createdBy, ReadOnlySpan<byte> randomBytes)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new DomainError("name", "is required, so people can tell what the token is for."));
        }
        if (validDays is < 1 or > 366)
        {
            errors.Add(new DomainError("validDays", $"must be between 1 and 366 (got {validDays})."));
        }
        if (randomBytes.Length < 32)
        {
            throw new ArgumentException("A token needs at least 32 random bytes.", nameof(randomBytes));
        }
        if (errors.Count > 0)
        {
            return Result<(ApiToken, string)>.Failure(errors);
        }
        var secret = SecretPrefix + Convert.ToHexStringLower(randomBytes);
        var token = new ApiToken(authorityId, name.Trim(), grant, HashOf(secret), secret[..10], now, now.AddDays(validDays), createdBy);
        return Result<(ApiToken, string)>.Success((token, secret));
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public Result<ApiToken> Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return Result<ApiToken>.Failure("token", $"'{Name}' was already revoked on {RevokedAt:yyyy-MM-dd HH:mm}.");
        }
        RevokedAt = now;
        return Result<ApiToken>.Success(this);
    }
}

/// <summary>One change, appended and never updated or deleted: who did what, when, through which door, before and after.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry() { }

    public AuditEntry(Actor actor, DateTimeOffset at, string action, string entityType, string entityId, string? before, string? after)
    {
        AuthorityId = actor.AuthorityId;
        At = at;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Via = actor.Via;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Via { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
}
