using FairShare.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FairShare.Persistence;

/// <summary>
/// The database of every authority. Each provider has its own subclass so that each keeps its own
/// migrations (<see cref="SqliteFairShareDbContext"/>, <see cref="PostgresFairShareDbContext"/>); the model is
/// the same.
/// </summary>
public abstract class FairShareDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<Directorate> Directorates => Set<Directorate>();
    public DbSet<CostCentre> CostCentres => Set<CostCentre>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Offering> Offerings => Set<Offering>();
    public DbSet<OfferingPrice> OfferingPrices => Set<OfferingPrice>();
    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FairShareDbContext).Assembly);

    private sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Pence, p => new Money(p));
}

public sealed class SqliteFairShareDbContext(DbContextOptions<SqliteFairShareDbContext> options) : FairShareDbContext(options);

public sealed class PostgresFairShareDbContext(DbContextOptions<PostgresFairShareDbContext> options) : FairShareDbContext(options);
