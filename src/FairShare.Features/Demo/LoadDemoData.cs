using FairShare.Domain;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Demo;

public sealed record DemoLoadResult(bool Loaded, int Authorities, int CostCentres, int Offerings, string Message);

/// <summary>Loads the demo council into an empty database, in one transaction, priced for the current financial
/// year and the one before. A second load changes nothing.</summary>
public sealed class LoadDemoData(FairShareDbContext db, TimeProvider clock)
{
    public async Task<DemoLoadResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Authorities.AnyAsync(a => a.Code == DemoCatalogue.CountyCode, cancellationToken))
        {
            return new DemoLoadResult(false, 0, 0, 0, "The demo data is already loaded; nothing was changed.");
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var entities = DemoCatalogue.Build(FinancialYear.Containing(today).StartYear);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(entities);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var result = new DemoLoadResult(true,
            entities.OfType<Authority>().Count(), entities.OfType<CostCentre>().Count(), entities.OfType<Offering>().Count(), "");
        return result with
        {
            Message = $"Loaded the demo: {result.Authorities} authorities, {result.CostCentres} cost centres, {result.Offerings} offerings.",
        };
    }

    public async Task<bool> IsDatabaseEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Authorities.AnyAsync(cancellationToken);
}
