using FairShare.Domain;
using FairShare.Domain.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FairShare.Persistence.Ledger;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.OwnedByAuthority();
        // The same file twice is refused, unless the first was withdrawn: then it may be imported again.
        builder.HasIndex(b => new { b.AuthorityId, b.Kind, b.ContentHash }).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        builder.Property(b => b.WithdrawnBy).HasMaxLength(200);
        builder.Property(b => b.WithdrawalReason).HasMaxLength(ImportBatch.MaxWithdrawalReason);
        builder.Property(b => b.WithdrawnPeriods).HasMaxLength(400);
    }

}

/// <summary>
/// Usage, its totals and statement lines are the bulk-written tables: a million rows an import, a few hundred
/// thousand a run. They have no foreign keys. Row-by-row reference checks cost both databases several times
/// the write itself (docs/recharge.md has the figures), and protect nothing here: every reference is checked by the
/// import or the run against the authority's own cost centres and offerings (the check that reports bad rows
/// by line), in the same transaction as the batch or run the rows point to, and cost centres, offerings, import
/// batches and runs are never deleted. Row-level security still applies to them.
/// </summary>
internal sealed class RecordedUsageConfiguration : IEntityTypeConfiguration<RecordedUsage>
{
    public void Configure(EntityTypeBuilder<RecordedUsage> builder)
    {
        // Every index is paid for on each of a million rows an import, so only the two that are read: the key, record ids
        // (each imported once; no surrogate id, whose own index cost more), and dates (a statement lists a
        // buyer's records of its month). PostgreSQL makes both cheaper (PostgresFairShareDbContext).
        builder.OwnedByAuthority(indexed: false, constrained: false);
        builder.HasKey(u => new { u.AuthorityId, u.RecordId });
        builder.HasIndex(u => new { u.AuthorityId, u.Date });
        builder.Property(u => u.RecordId).HasMaxLength(80);
    }
}

internal sealed class UsageSummaryConfiguration : IEntityTypeConfiguration<UsageSummaryRow>
{
    public void Configure(EntityTypeBuilder<UsageSummaryRow> builder)
    {
        builder.ToTable("UsageSummaries");
        builder.OwnedByAuthority(indexed: false, constrained: false);
        builder.HasIndex(u => new { u.AuthorityId, u.FinancialYearStart, u.PeriodNumber });
    }
}

internal sealed class DriverValueConfiguration : IEntityTypeConfiguration<DriverValue>
{
    public void Configure(EntityTypeBuilder<DriverValue> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(d => new { d.AuthorityId, d.FinancialYearStart, d.PeriodNumber, d.CostCentreId, d.Driver }).IsUnique();
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(d => d.ImportBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(d => d.CostCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProviderCostConfiguration : IEntityTypeConfiguration<ProviderCost>
{
    public void Configure(EntityTypeBuilder<ProviderCost> builder)
    {
        builder.OwnedByAuthority(indexed: false);
        builder.HasIndex(c => new { c.AuthorityId, c.FinancialYearStart, c.PeriodNumber });
        builder.Property(c => c.Driver).HasMaxLength(40);
        builder.Property(c => c.Description).HasMaxLength(200);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.ImportBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(c => c.ProviderCostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(c => c.BuyerCostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_ProviderCosts_OneTarget", "(\"BuyerCostCentreId\" IS NULL) <> (\"Driver\" IS NULL)"));
    }
}

internal sealed class CostActualConfiguration : IEntityTypeConfiguration<CostActual>
{
    public void Configure(EntityTypeBuilder<CostActual> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(c => new { c.AuthorityId, c.FinancialYearStart, c.PeriodNumber, c.CostCentreId, c.Account }).IsUnique();
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.ImportBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(c => c.CostCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> builder)
    {
        builder.ToTable("JournalEntries");
        builder.OwnedByAuthority();
        builder.HasIndex(j => new { j.AuthorityId, j.FinancialYearStart, j.PeriodNumber });
        builder.HasMany(j => j.Postings).WithOne().HasForeignKey(p => p.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RechargeRunRow>().WithMany().HasForeignKey(j => j.RechargeRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JournalEntryRow>().WithMany().HasForeignKey(j => j.ReversesId).OnDelete(DeleteBehavior.Restrict);
        // One chain per authority: a second journal at the same place is refused rather than forking the chain.
        builder.HasIndex(j => new { j.AuthorityId, j.Sequence }).IsUnique();
        builder.Property(j => j.PreviousHash).HasMaxLength(64);
        builder.Property(j => j.Hash).HasMaxLength(64);
    }
}

internal sealed class PostingConfiguration : IEntityTypeConfiguration<PostingRow>
{
    public void Configure(EntityTypeBuilder<PostingRow> builder)
    {
        builder.ToTable("Postings");
        builder.OwnedByAuthority();
        builder.HasIndex(p => new { p.AuthorityId, p.CostCentreId, p.AccountCode });
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(p => p.CostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.AccountCode).HasMaxLength(20);
        builder.Property(p => p.Hash).HasMaxLength(64);
    }
}

internal sealed class PeriodStatusConfiguration : IEntityTypeConfiguration<PeriodStatusRow>
{
    public void Configure(EntityTypeBuilder<PeriodStatusRow> builder)
    {
        builder.ToTable("PeriodStatuses");
        builder.OwnedByAuthority();
        builder.HasIndex(p => new { p.AuthorityId, p.FinancialYearStart, p.PeriodNumber }).IsUnique();
    }
}

internal sealed class RechargeRunConfiguration : IEntityTypeConfiguration<RechargeRunRow>
{
    public void Configure(EntityTypeBuilder<RechargeRunRow> builder)
    {
        builder.ToTable("RechargeRuns");
        builder.OwnedByAuthority();
        // Two runs started at once for one period: the database lets exactly one of them be Posted.
        builder.HasIndex(r => new { r.AuthorityId, r.FinancialYearStart, r.PeriodNumber }).IsUnique()
            .HasFilter("\"Status\" = 'Posted'").HasDatabaseName("IX_RechargeRuns_OnePostedPerPeriod");
        builder.Property(r => r.Summary).HasMaxLength(200_000);
        builder.Property(r => r.PreparedBy).HasMaxLength(200);
        builder.Property(r => r.PreparedById).HasMaxLength(200);
    }
}

internal sealed class RechargeDryRunConfiguration : IEntityTypeConfiguration<RechargeDryRunRow>
{
    public void Configure(EntityTypeBuilder<RechargeDryRunRow> builder)
    {
        builder.ToTable("RechargeDryRuns");
        builder.OwnedByAuthority();
        builder.HasIndex(d => new { d.AuthorityId, d.FinancialYearStart, d.PeriodNumber });
        builder.Property(d => d.Method).HasMaxLength(40);
        builder.Property(d => d.PreparedById).HasMaxLength(200);
        builder.Property(d => d.PreparedBy).HasMaxLength(200);
        builder.Property(d => d.Figures).HasMaxLength(64);
    }
}

internal sealed class JournalBatchConfiguration : IEntityTypeConfiguration<JournalBatchRow>
{
    public void Configure(EntityTypeBuilder<JournalBatchRow> builder)
    {
        builder.ToTable("JournalBatches");
        builder.OwnedByAuthority();
        builder.HasIndex(b => new { b.RechargeRunId, b.Kind }).IsUnique();
        builder.HasOne<RechargeRunRow>().WithMany().HasForeignKey(b => b.RechargeRunId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CreatedBy).HasMaxLength(200);
        builder.Property(b => b.ChainHead).HasMaxLength(64);
    }
}

internal sealed class JournalBatchEventConfiguration : IEntityTypeConfiguration<JournalBatchEventRow>
{
    public void Configure(EntityTypeBuilder<JournalBatchEventRow> builder)
    {
        builder.ToTable("JournalBatchEvents");
        builder.OwnedByAuthority();
        // A batch is sent to the ledger once: the database refuses a second "sent".
        builder.HasIndex(e => new { e.JournalBatchId, e.Kind }).IsUnique();
        builder.HasOne<JournalBatchRow>().WithMany().HasForeignKey(e => e.JournalBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.LedgerReference).HasMaxLength(100);
        builder.Property(e => e.By).HasMaxLength(200);
    }
}

internal sealed class RechargeLineConfiguration : IEntityTypeConfiguration<RechargeLineRow>
{
    public void Configure(EntityTypeBuilder<RechargeLineRow> builder)
    {
        builder.ToTable("RechargeLines");
        builder.OwnedByAuthority(indexed: false, constrained: false);
        builder.HasIndex(l => new { l.RechargeRunId, l.BuyerCostCentreId });
        builder.Property(l => l.Explanation).HasMaxLength(2000);
        builder.Property(l => l.Detail).HasMaxLength(100_000);
    }
}

internal sealed class ServiceOrderConfiguration : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(o => new { o.AuthorityId, o.FinancialYearStart, o.BuyerCostCentreId, o.OfferingId }).IsUnique();
        builder.HasOne<CostCentre>().WithMany().HasForeignKey(o => o.BuyerCostCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offering>().WithMany().HasForeignKey(o => o.OfferingId).OnDelete(DeleteBehavior.Restrict);
    }
}
