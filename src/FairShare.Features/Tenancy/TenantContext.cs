using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Persistence;

namespace FairShare.Features.Tenancy;

/// <summary>The authority a request acts for. Every use case reads and writes within it only.</summary>
public sealed record Tenant(int AuthorityId, string Code, string Name, int YearStartMonth)
{
    public FinancialYear YearOf(DateOnly date) => FinancialYear.Containing(date, YearStartMonth);

    public static Tenant Of(Authority a) => new(a.Id, a.Code, a.Name, a.YearStartMonth);
}

/// <summary>
/// Who is acting and for which authority, for one request or command; set by the host (sign-in, API token
/// or command line) before any use case runs. Setting it also tells the database session the authority,
/// so PostgreSQL's row-level security applies.
/// </summary>
public sealed class TenantContext(FairShareDbContext db)
{
    private Tenant? _tenant;
    private Actor? _actor;

    public Tenant Current => _tenant ?? throw new InvalidOperationException("No authority has been chosen for this request.");

    public Actor Actor => _actor ?? throw new InvalidOperationException("No one is signed in for this request.");

    public bool IsSet => _tenant is not null && _actor is not null;

    public void Set(Tenant tenant, Actor actor)
    {
        if (actor.AuthorityId != tenant.AuthorityId)
        {
            throw new ArgumentException($"{actor.Name} belongs to another authority than {tenant.Name}.", nameof(actor));
        }
        _tenant = tenant;
        _actor = actor;
        db.TenantAuthorityId = tenant.AuthorityId;
    }

    /// <summary>Why the actor may not do <paramref name="what"/>, or null when their role allows it.</summary>
    public string? Refusal(Permission permission, string what) =>
        Actor.Has(permission) ? null : $"{Describe(Actor)} cannot {what}.";

    public static string Describe(Actor actor) =>
        $"{actor.Name} ({(actor.Grants.Count == 0 ? "no role" : actor.RoleNames)})";
}
