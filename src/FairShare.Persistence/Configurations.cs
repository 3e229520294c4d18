using FairShare.Domain;
using FairShare.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FairShare.Persistence;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Code).HaveCodeLength();
    }
}

internal sealed class DirectorateConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(d => new { d.AuthorityId, d.Code }).IsUnique();
        builder.Property(d => d.Code).HaveCodeLength();
    }
}

internal sealed class CostCentreConfiguration : IEntityTypeConfiguration<CostCentre>
{
    public void Configure(EntityTypeBuilder<CostCentre> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(c => new { c.AuthorityId, c.Code }).IsUnique();
        builder.Property(c => c.Code).HaveCodeLength();
        builder.Property(c => c.AllocationDriver).HasMaxLength(40);
        builder.HasOne(c => c.Directorate).WithMany().HasForeignKey(c => c.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Budgets).WithOne(b => b.CostCentre).HasForeignKey(b => b.CostCentreId).OnDelete(DeleteBehavior.Cascade);
        OrganisationConfigurations.CostCentreFields(builder);
    }
}

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(b => new { b.CostCentreId, b.FinancialYearStart, b.Version }).IsUnique();
        builder.Property(b => b.Version).HasDefaultValue(BudgetVersion.Original).HasSentinel((BudgetVersion)(-1));
        builder.Property(b => b.ProfilePence).HasMaxLength(400).HasDefaultValue("");
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(s => new { s.AuthorityId, s.Code }).IsUnique();
        builder.Property(s => s.Code).HaveCodeLength();
        builder.Property(s => s.Description).HasMaxLength(2000);
    }
}

internal sealed class OfferingConfiguration : IEntityTypeConfiguration<Offering>
{
    public void Configure(EntityTypeBuilder<Offering> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(o => new { o.AuthorityId, o.Code }).IsUnique();
        builder.HasIndex(o => o.ListedOnMarketplace);
        builder.Property(o => o.Code).HaveCodeLength();
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.Unit).HasMaxLength(60);
        builder.Property(o => o.Category).HasMaxLength(100);
        builder.HasOne(o => o.ProviderCostCentre).WithMany().HasForeignKey(o => o.ProviderCostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Supplier).WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Prices).WithOne(p => p.Offering).HasForeignKey(p => p.OfferingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.ServiceLevels).WithOne(s => s.Offering).HasForeignKey(s => s.OfferingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.ChargingClassChanges).WithOne(c => c.Offering).HasForeignKey(c => c.OfferingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.HoursOfCover).HasMaxLength(200);
        builder.Ignore(o => o.ProviderName);
        builder.Ignore(o => o.PricingModel);
    }
}

internal sealed class OfferingPriceConfiguration : IEntityTypeConfiguration<OfferingPrice>
{
    public void Configure(EntityTypeBuilder<OfferingPrice> builder)
    {
        builder.OwnedByAuthority();
        // One price per (year, starting period): a year's first price starts in period 1, a lower one later.
        // Prices set before drafts existed are whole-year (period 1) and published: the columns' defaults.
        builder.HasIndex(p => new { p.OfferingId, p.FinancialYearStart, p.FromPeriod }).IsUnique();
        builder.Property(p => p.FromPeriod).HasDefaultValue(1);
        builder.Property(p => p.State).HasDefaultValue(PriceState.Published);
        builder.Ignore(p => p.Terms);
        builder.Ignore(p => p.IsPublished);
    }
}

internal sealed class ChargingClassChangeConfiguration : IEntityTypeConfiguration<ChargingClassChange>
{
    public void Configure(EntityTypeBuilder<ChargingClassChange> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(c => new { c.OfferingId, c.EffectiveFrom }).IsUnique();
    }
}

internal sealed class ServiceLevelConfiguration : IEntityTypeConfiguration<ServiceLevel>
{
    public void Configure(EntityTypeBuilder<ServiceLevel> builder) => builder.OwnedByAuthority();
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => u.ExternalSubject).IsUnique();
        builder.Property(u => u.PasswordHash).HasMaxLength(1000);
        builder.Property(u => u.PasswordResetHash).HasMaxLength(64);
        builder.HasIndex(u => u.PasswordResetHash).IsUnique();
        builder.Ignore(u => u.IsDisabled);
        builder.HasMany(u => u.Roles).WithOne(r => r.User).HasForeignKey(r => r.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(u => u.Grants);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.OwnedByAuthority();
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(r => r.CostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(t => t.CostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(t => t.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.Grant);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(a => new { a.AuthorityId, a.At });
        builder.Property(a => a.Before).HasMaxLength(20_000);
        builder.Property(a => a.After).HasMaxLength(20_000);
        // The chain's columns (Ledger.LedgerSeal), kept out of the domain type.
        builder.Property<long>(Ledger.LedgerSeal.AuditSequence);
        builder.Property<string>(Ledger.LedgerSeal.AuditPreviousHash).HasMaxLength(64).IsRequired();
        builder.Property<string>(Ledger.LedgerSeal.AuditHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(nameof(AuditEntry.AuthorityId), Ledger.LedgerSeal.AuditSequence).IsUnique();
    }
}

internal static class ConfigurationExtensions
{
    /// <summary>Every tenant-owned row points at its authority; deleting an authority never cascades silently.</summary>
    /// <summary>
    /// Every tenant table belongs to an authority. <paramref name="indexed"/> is false for a table whose other
    /// indexes lead with the authority already, where a separate index would only slow bulk writes;
    /// <paramref name="constrained"/> is false for the bulk-written tables (see <see cref="Ledger.RecordedUsageConfiguration"/>).
    /// </summary>
    public static void OwnedByAuthority<T>(this EntityTypeBuilder<T> builder, bool indexed = true, bool constrained = true) where T : class, ITenantOwned
    {
        if (!constrained)
        {
            builder.Ignore(nameof(ITenantOwned.Authority));
        }
        else
        {
            builder.HasOne(typeof(Authority), nameof(ITenantOwned.Authority)).WithMany()
                .HasForeignKey(nameof(ITenantOwned.AuthorityId)).OnDelete(DeleteBehavior.Restrict);
        }
        if (indexed)
        {
            builder.HasIndex(nameof(ITenantOwned.AuthorityId));
        }
    }

    public static PropertyBuilder<string> HaveCodeLength(this PropertyBuilder<string> property) => property.HasMaxLength(40);
}
