using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Persistence;
using Microsoft.AspNetCore.Identity;
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
        await db.AsSystemAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.AddRange(entities);
            await db.SaveChangesAsync(cancellationToken);
            AddPeople(entities);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        });
        db.ChangeTracker.Clear();
        var result = new DemoLoadResult(true,
            entities.OfType<Authority>().Count(), entities.OfType<CostCentre>().Count(), entities.OfType<Offering>().Count(), "");
        return result with
        {
            Message = $"Loaded the demo: {result.Authorities} authorities, {result.CostCentres} cost centres, {result.Offerings} offerings.",
        };
    }

    /// <summary>One account per role in each authority, with the demo password (hashed).</summary>
    private void AddPeople(IReadOnlyList<object> entities)
    {
        var hasher = new PasswordHasher<UserAccount>();
        var authorities = entities.OfType<Authority>().ToDictionary(a => a.Code);
        var centres = entities.OfType<CostCentre>().ToDictionary(c => (c.Authority.Code, c.Code), c => c.Id);
        var suppliers = entities.OfType<Supplier>().ToDictionary(s => (s.Authority.Code, s.Code), s => s.Id);
        foreach (var (authority, email, name, role, scope) in DemoCatalogue.People)
        {
            var user = new UserAccount(authorities[authority], email, name);
            user.PasswordHash = hasher.HashPassword(user, DemoCatalogue.DemoPassword);
            user.Grant(role == Role.Supplier
                ? new RoleGrant(role, SupplierId: suppliers[(authority, scope!)])
                : new RoleGrant(role, CostCentreId: scope is null ? null : centres[(authority, scope)]));
            db.UserAccounts.Add(user);
        }
    }

    public async Task<bool> IsDatabaseEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Authorities.AnyAsync(cancellationToken);

    /// <summary>Whether this database holds the demo (so the demo sign-in page may list its accounts).</summary>
    public async Task<bool> IsDemoLoadedAsync(CancellationToken cancellationToken = default) =>
        await db.Authorities.AnyAsync(a => a.Code == DemoCatalogue.CountyCode, cancellationToken);
}
