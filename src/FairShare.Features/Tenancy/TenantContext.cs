using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Refuses the action unless the actor holds the permission, with a message that says why.</summary>
    public void Require(Permission permission, string what)
    {
        if (!Actor.Has(permission))
        {
            throw new AccessDeniedException($"{Describe(Actor)} cannot {what}.");
        }
    }

    /// <summary>Why the actor may not do <paramref name="what"/>, or null when their role allows it.</summary>
    public string? Refusal(Permission permission, string what) =>
        Actor.Has(permission) ? null : $"{Describe(Actor)} cannot {what}.";

    public static string Describe(Actor actor) =>
        $"{actor.Name} ({(actor.Grants.Count == 0 ? "no role" : actor.RoleNames)})";
}

/// <summary>Finds the authority a host acts for: by code, or the first authority when none is named.</summary>
public sealed class ResolveTenant(FairShareDbContext db)
{
    public async Task<Result<Tenant>> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        var query = db.Authorities.AsNoTracking();
        var wanted = code?.Trim().ToUpperInvariant();
        var authority = string.IsNullOrEmpty(wanted)
            ? await query.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken)
            : await query.FirstOrDefaultAsync(a => a.Code == wanted, cancellationToken);
        if (authority is not null)
        {
            return Result<Tenant>.Success(Tenant.Of(authority));
        }
        return string.IsNullOrWhiteSpace(code)
            ? Result<Tenant>.Failure("authority", "the database holds no authority yet; run `fairshare demo` to load the demo council.")
            : Result<Tenant>.Failure("authority", $"no authority has the code '{code}'.");
    }

    public async Task<Tenant?> ByIdAsync(int authorityId, CancellationToken cancellationToken = default) =>
        await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => new Tenant(a.Id, a.Code, a.Name, a.YearStartMonth))
            .FirstOrDefaultAsync(cancellationToken);
}
