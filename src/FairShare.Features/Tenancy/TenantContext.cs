using FairShare.Domain;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Tenancy;

/// <summary>The authority a request acts for. Every use case reads and writes within it only.</summary>
public sealed record Tenant(int AuthorityId, string Code, string Name, int YearStartMonth)
{
    public FinancialYear YearOf(DateOnly date) => FinancialYear.Containing(date, YearStartMonth);

    public static Tenant Of(Authority a) => new(a.Id, a.Code, a.Name, a.YearStartMonth);
}

/// <summary>Holds the current <see cref="Tenant"/> for one request or command; set by the host before any use case runs.</summary>
public sealed class TenantContext
{
    private Tenant? _tenant;

    public Tenant Current => _tenant ?? throw new InvalidOperationException("No authority has been chosen for this request.");

    public bool IsSet => _tenant is not null;

    public void Set(Tenant tenant) => _tenant = tenant;
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
}
