using System.Globalization;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

public sealed record ListAuthoritiesRequest;

/// <summary>The authorities trading on this FairShare: names are public, their data is not.</summary>
public sealed class ListAuthorities(FairShareDbContext db)
{
    public async Task<Outcome<IReadOnlyList<AuthoritySummary>>> HandleAsync(ListAuthoritiesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return authorities
            .Select(a => new AuthoritySummary(a.Id, a.Code, a.Name, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(a.YearStartMonth)))
            .ToArray();
    }
}
