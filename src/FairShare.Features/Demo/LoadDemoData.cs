using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Text;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Demo;

public sealed record LoadDemoDataRequest;

public sealed record DemoLoadResult(bool Loaded, int Authorities, int CostCentres, int Offerings, string Message);

/// <summary>Loads the demo council into an empty database, in one transaction, priced for the current financial
/// year and the one before. A second load changes nothing.</summary>
public sealed class LoadDemoData(FairShareDbContext db, TimeProvider clock)
{
    public async Task<Outcome<DemoLoadResult>> HandleAsync(LoadDemoDataRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Authorities.AnyAsync(a => a.Code == DemoCatalogue.CountyCode, cancellationToken))
        {
            return new DemoLoadResult(false, 0, 0, 0, "The demo data is already loaded; nothing was changed.");
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var entities = DemoCatalogue.Build(FinancialYear.Containing(today).StartYear);
        await db.AsSystemAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.AddRange(entities);
            await db.SaveChangesAsync(cancellationToken);
            AddPeople(entities);
            await db.SaveChangesAsync(cancellationToken);
            await AddActivityAsync(entities, today, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        });
        db.ChangeTracker.Clear();
        var result = new DemoLoadResult(true,
            entities.OfType<Authority>().Count(), entities.OfType<CostCentre>().Count(), entities.OfType<Offering>().Count(), "");
        return result with
        {
            Message = $"Loaded the demo: {English.Count(result.Authorities, "authority")}, {English.Count(result.CostCentres, "cost centre")}, {English.Count(result.Offerings, "offering")}.",
        };
    }

    /// <summary>A year of the county's costs, drivers, orders and usage (all but May's usage, left to import).</summary>
    private async Task AddActivityAsync(IReadOnlyList<object> entities, DateOnly today, CancellationToken cancellationToken)
    {
        var county = entities.OfType<Authority>().Single(a => a.Code == DemoCatalogue.CountyCode);
        var centres = entities.OfType<CostCentre>().Where(c => c.AuthorityId == county.Id).ToDictionary(c => c.Code);
        var offerings = entities.OfType<Offering>().Where(o => o.AuthorityId == county.Id).ToDictionary(o => o.Code, o => o.Id);
        var activity = DemoActivity.Build(county.Id, county.FinancialYearOf(today), centres, offerings, clock.GetUtcNow());
        var batch = activity.OfType<Domain.Recording.ImportBatch>().Single();
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entity in activity.Where(e => e is not Domain.Recording.ImportBatch and not Domain.Recording.ServiceOrder))
        {
            db.Entry(entity).Property("ImportBatchId").CurrentValue = batch.Id;
        }
        db.AddRange(activity.Where(e => e is not Domain.Recording.ImportBatch));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await Persistence.Ledger.BulkUsage.AddSummariesAsync(db, activity.OfType<Domain.Recording.RecordedUsage>(), county.YearStartMonth, cancellationToken);
    }

    /// <summary>One account per role in each authority, with the demo password (hashed).</summary>
    private void AddPeople(IReadOnlyList<object> entities)
    {
        // One hash of the demo's published password for every demo account: hashing it once per account would add
        // a fifth of a second per person to every demo load.
        var demoHash = Access.Passwords.NewHasher().HashPassword(null!, DemoCatalogue.DemoPassword);
        var authorities = entities.OfType<Authority>().ToDictionary(a => a.Code);
        var centres = entities.OfType<CostCentre>().ToDictionary(c => (c.Authority.Code, c.Code), c => c.Id);
        var suppliers = entities.OfType<Supplier>().ToDictionary(s => (s.Authority.Code, s.Code), s => s.Id);
        foreach (var (authority, email, name, role, scope) in DemoCatalogue.People)
        {
            var user = new UserAccount(authorities[authority], email, name);
            user.PasswordHash = demoHash;
            user.Grant(role == Role.Supplier
                ? new RoleGrant(role, SupplierId: suppliers[(authority, scope!)])
                : new RoleGrant(role, CostCentreId: scope is null ? null : centres[(authority, scope)]));
            db.UserAccounts.Add(user);
        }
    }
}
