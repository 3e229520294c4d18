using FairShare.Domain;
using FairShare.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FairShare.Persistence;

/// <summary>The organisation a council imports from its ledger: funds, subjective codes, column mappings, and a cost centre's filing.</summary>
internal static class OrganisationConfigurations
{
    public static void CostCentreFields(EntityTypeBuilder<CostCentre> builder)
    {
        builder.Property(c => c.ServiceLineCode).HasMaxLength(40);
        builder.Property(c => c.ServiceLineName).HasMaxLength(200);
        builder.HasOne<Fund>().WithMany().HasForeignKey(c => c.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.BudgetHolderId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(f => new { f.AuthorityId, f.Code }).IsUnique();
        builder.Property(f => f.Code).HasMaxLength(Fund.MaxCode);
        builder.Property(f => f.Name).HasMaxLength(Fund.MaxName);
    }
}

internal sealed class SubjectiveCodeConfiguration : IEntityTypeConfiguration<SubjectiveCode>
{
    public void Configure(EntityTypeBuilder<SubjectiveCode> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(s => new { s.AuthorityId, s.Code }).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(SubjectiveCode.MaxCode);
        builder.Property(s => s.Name).HasMaxLength(SubjectiveCode.MaxName);
        builder.Property(s => s.CategoryCode).HasMaxLength(10);
    }
}

internal sealed class ColumnMappingConfiguration : IEntityTypeConfiguration<ColumnMapping>
{
    public void Configure(EntityTypeBuilder<ColumnMapping> builder)
    {
        builder.OwnedByAuthority();
        builder.HasIndex(m => new { m.AuthorityId, m.Name }).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(ColumnMapping.MaxName);
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Columns).HasMaxLength(4000);
        builder.Property(m => m.DateFormat).HasMaxLength(40);
    }
}

/// <summary>
/// The raw SQL of migration OrganisationImport, kept here so that a regenerated migration can carry it again:
/// the old "Corporate" kind split in two (every existing one is corporate and democratic core; a finance officer
/// re-files non-distributed costs by import), and on PostgreSQL row-level security on the three new tenant tables.
/// </summary>
public static class OrganisationImportSql
{
    public const string SplitCorporateKind = """UPDATE "CostCentres" SET "Kind" = 'CorporateAndDemocraticCore' WHERE "Kind" = 'Corporate';""";

    public const string JoinCorporateKind = """UPDATE "CostCentres" SET "Kind" = 'Corporate' WHERE "Kind" IN ('CorporateAndDemocraticCore', 'NonDistributedCosts');""";

    public static IReadOnlyList<string> NewTenantTables { get; } = ["Funds", "SubjectiveCodes", "ColumnMappings"];

    /// <summary>Row-level security for the new tenant tables (PostgreSQL only).</summary>
    public static string TenantPolicies => string.Concat(NewTenantTables.Select(table => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON "{table}" USING ({RowLevelSecurity.TenantRule}) WITH CHECK ({RowLevelSecurity.TenantRule});

        """));
}
