using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Persistence.Ledger;
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
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<SubjectiveCode> SubjectiveCodes => Set<SubjectiveCode>();
    public DbSet<ColumnMapping> ColumnMappings => Set<ColumnMapping>();
    public DbSet<Offering> Offerings => Set<Offering>();
    public DbSet<OfferingPrice> OfferingPrices => Set<OfferingPrice>();
    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();
    public DbSet<ChargingClassChange> ChargingClassChanges => Set<ChargingClassChange>();
    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ServiceOrder> ServiceOrders => Set<ServiceOrder>();
    public DbSet<RecordedUsage> Usage => Set<RecordedUsage>();
    public DbSet<DriverValue> DriverValues => Set<DriverValue>();
    public DbSet<CostActual> CostActuals => Set<CostActual>();
    public DbSet<ProviderCost> ProviderCosts => Set<ProviderCost>();
    public DbSet<Ledger.UsageSummaryRow> UsageSummaries => Set<Ledger.UsageSummaryRow>();
    public DbSet<JournalEntryRow> JournalEntries => Set<JournalEntryRow>();
    public DbSet<PostingRow> Postings => Set<PostingRow>();
    public DbSet<PeriodStatusRow> PeriodStatuses => Set<PeriodStatusRow>();
    public DbSet<RechargeRunRow> RechargeRuns => Set<RechargeRunRow>();
    public DbSet<RechargeLineRow> RechargeLines => Set<RechargeLineRow>();
    public DbSet<RechargeDryRunRow> RechargeDryRuns => Set<RechargeDryRunRow>();
    public DbSet<JournalBatchRow> JournalBatches => Set<JournalBatchRow>();
    public DbSet<JournalBatchEventRow> JournalBatchEvents => Set<JournalBatchEventRow>();

    /// <summary>
    /// The authority this context acts for. On PostgreSQL it is set on every connection the context opens
    /// (<see cref="TenantSessionInterceptor"/>), and row-level security lets only that authority's rows through:
    /// a second wall behind the use cases' own filters.
    /// </summary>
    public int? TenantAuthorityId { get; set; }

    /// <summary>
    /// System work that spans authorities: migrations, loading the demo, finding who is signing in. On PostgreSQL it
    /// opens every authority's rows only to the tables' owner; to any other role only the accounts, for reading
    /// (<see cref="RowLevelSecurity"/>).
    /// </summary>
    public bool SystemAccess { get; set; }

    /// <summary>Runs <paramref name="work"/> with <see cref="SystemAccess"/>, then restores what was there.</summary>
    public async Task<T> AsSystemAsync<T>(Func<Task<T>> work)
    {
        var previous = SystemAccess;
        SystemAccess = true;
        try
        {
            return await work();
        }
        finally
        {
            SystemAccess = previous;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> as <paramref name="authorityId"/>, without system access, then restores what was
    /// there: writing one authority's row (an account found across authorities at sign-in), which on PostgreSQL an
    /// application role that does not own the tables may do only as that authority.
    /// </summary>
    public async Task<T> AsAuthorityAsync<T>(int authorityId, Func<Task<T>> work)
    {
        var (previousAuthority, previousSystem) = (TenantAuthorityId, SystemAccess);
        (TenantAuthorityId, SystemAccess) = (authorityId, false);
        try
        {
            return await work();
        }
        finally
        {
            (TenantAuthorityId, SystemAccess) = (previousAuthority, previousSystem);
        }
    }

    /// <summary>
    /// Saves, sealing new audit entries onto their authority's chain first (<see cref="LedgerSeal"/>). Reading the
    /// chain's head and appending after it happen in one transaction, holding the chain, so two saves at once
    /// append one after the other.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Database.CurrentTransaction is not null)
        {
            await LedgerSeal.SealAddedAuditEntriesAsync(this, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await LedgerSeal.SealAddedAuditEntriesAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Audit entries are sealed asynchronously only: a synchronous save of one would leave it unsealed.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException("Audit entries are saved with SaveChangesAsync, which seals them.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

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

public sealed class SqliteFairShareDbContext(DbContextOptions<SqliteFairShareDbContext> options) : FairShareDbContext(options)
{
    /// <summary>SQLite cannot compare or sort DateTimeOffset text; stored as binary ticks (always UTC here) it can.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresFairShareDbContext(DbContextOptions<PostgresFairShareDbContext> options) : FairShareDbContext(options)
{
    /// <summary>
    /// Usage is written a million rows an import, and each index entry costs, so it has no surrogate key, its
    /// record ids are indexed in the "C" collation and its dates by BRIN rather than a b-tree (measured on the
    /// server, docs/recharge.md). Record ids are compared byte for byte ("C", not the
    /// locale's rules: they are identifiers), and dates get a BRIN index, a few bytes per range of blocks:
    /// records arrive a month's file at a time, so a statement reads the blocks of its authority's month.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<RecordedUsage>(usage =>
        {
            usage.Property(u => u.RecordId).UseCollation("C");
            usage.HasIndex(u => new { u.AuthorityId, u.Date }).HasMethod("brin").HasStorageParameter("autosummarize", true);
        });
    }
}
