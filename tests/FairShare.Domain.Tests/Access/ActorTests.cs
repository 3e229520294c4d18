using FairShare.Domain.Access;

namespace FairShare.Domain.Tests.Access;

public class ActorTests
{
    private static Actor As(params RoleGrant[] grants) => new("u1", "Sam Jones", 7, grants, "web");

    [Theory]
    [InlineData(Role.BudgetHolder, true)]
    [InlineData(Role.ProviderManager, true)]
    [InlineData(Role.ProviderStaff, true)]
    [InlineData(Role.FinanceOfficer, false)]
    [InlineData(Role.ValueForMoneyPanel, false)]
    [InlineData(Role.Auditor, false)]
    [InlineData(Role.Supplier, false)]
    [InlineData(Role.Administrator, false)]
    public void OnlyBudgetHoldersAndProviders_AreScopedToACostCentre(Role role, bool scoped) =>
        Assert.Equal(scoped, AccessPolicy.IsScopedToCostCentre(role));

    [Theory]
    [InlineData(Role.BudgetHolder, "Budget holder")]
    [InlineData(Role.ProviderManager, "Provider manager")]
    [InlineData(Role.ProviderStaff, "Provider staff")]
    [InlineData(Role.FinanceOfficer, "Finance officer")]
    [InlineData(Role.ValueForMoneyPanel, "Value-for-money panel")]
    [InlineData(Role.Auditor, "Auditor")]
    [InlineData(Role.Supplier, "Supplier")]
    [InlineData(Role.Administrator, "Administrator")]
    public void EveryRole_HasAName_APersonCanRead(Role role, string name) =>
        Assert.Equal(name, AccessPolicy.Describe(role));

    [Fact]
    public void AnActor_HasAPermission_WhenAnyOfItsRolesGrantsIt()
    {
        var actor = As(new RoleGrant(Role.BudgetHolder, 10), new RoleGrant(Role.Auditor));

        Assert.True(actor.Has(Permission.ReadAuditLog));
        Assert.True(actor.Has(Permission.ReadScopedCostCentres));
        Assert.False(actor.Has(Permission.RunRecharge));
        Assert.True(actor.IsIn(Role.Auditor));
        Assert.False(actor.IsIn(Role.Administrator));
        Assert.Equal("Budget holder, Auditor", actor.RoleNames);
    }

    [Fact]
    public void AnActor_IsScopedToTheCostCentresAndSuppliersItsGrantsName()
    {
        var actor = As(new RoleGrant(Role.BudgetHolder, 10), new RoleGrant(Role.BudgetHolder, 11), new RoleGrant(Role.Supplier, SupplierId: 3), new RoleGrant(Role.Auditor));

        Assert.Equal([10, 11], actor.ScopedCostCentres.Order());
        Assert.Equal([3], actor.ScopedSuppliers);
        Assert.Equal("Budget holder, Supplier, Auditor", actor.RoleNames);
    }

    [Theory]
    [InlineData(Role.BudgetHolder, 10, 10, true)]
    [InlineData(Role.BudgetHolder, 10, 11, false)]
    [InlineData(Role.FinanceOfficer, null, 11, true)]
    [InlineData(Role.Supplier, 10, 10, false)]
    public void ReadingACostCentre_NeedsReadAll_OrReadScopedAndTheCostCentreInScope(Role role, int? scope, int costCentre, bool allowed) =>
        Assert.Equal(allowed, As(new RoleGrant(role, scope)).CanReadCostCentre(costCentre));

    [Theory]
    [InlineData(Role.Administrator, null, 5, true)]
    [InlineData(Role.ProviderManager, 5, 5, true)]
    [InlineData(Role.ProviderManager, 5, 6, false)]
    [InlineData(Role.ProviderManager, null, null, false)]
    [InlineData(Role.ProviderStaff, 5, 5, false)]
    [InlineData(Role.FinanceOfficer, null, 5, false)]
    public void PricingAnOffering_IsForAdministratorsAndTheProvidersOwnManager(Role role, int? scope, int? provider, bool allowed) =>
        Assert.Equal(allowed, As(new RoleGrant(role, scope)).CanPriceOfferingOf(provider));

    [Theory]
    [InlineData(Role.FinanceOfficer, null, 5, true)]
    [InlineData(Role.Administrator, null, 5, true)]
    [InlineData(Role.ProviderManager, 5, 5, true)]
    [InlineData(Role.ProviderStaff, 5, 5, true)]
    [InlineData(Role.ProviderStaff, 5, 6, false)]
    [InlineData(Role.ProviderStaff, null, null, false)]
    [InlineData(Role.BudgetHolder, 5, 5, false)]
    [InlineData(Role.Auditor, null, 5, false)]
    public void RecordingUsage_IsForFinanceAdministratorsAndTheProvidersOwnStaff(Role role, int? scope, int? provider, bool allowed) =>
        Assert.Equal(allowed, As(new RoleGrant(role, scope)).CanRecordUsageOf(provider));

    [Fact]
    public void RecordingUsage_ByAManagerOfAnotherService_IsAllowedOnlyThroughAnotherRole()
    {
        Assert.False(As(new RoleGrant(Role.ProviderManager, 6), new RoleGrant(Role.BudgetHolder, 5)).CanRecordUsageOf(5));
        Assert.True(As(new RoleGrant(Role.ProviderManager, 6), new RoleGrant(Role.FinanceOfficer)).CanRecordUsageOf(5));
        Assert.True(As(new RoleGrant(Role.BudgetHolder, 5), new RoleGrant(Role.Administrator)).CanPriceOfferingOf(5));
        Assert.True(As(new RoleGrant(Role.BudgetHolder, 10), new RoleGrant(Role.ProviderManager, 5)).CanPriceOfferingOf(5));
    }

    [Fact]
    public void OnlyAnActorWhoIsNothingButASupplier_SeesOnlyItsOwnOfferings()
    {
        Assert.True(As(new RoleGrant(Role.Supplier, SupplierId: 3)).SeesOnlyOwnSupplierOfferings);
        Assert.False(As(new RoleGrant(Role.Supplier, SupplierId: 3), new RoleGrant(Role.Auditor)).SeesOnlyOwnSupplierOfferings);
        Assert.False(As(new RoleGrant(Role.Auditor)).SeesOnlyOwnSupplierOfferings);
    }

    [Theory]
    [InlineData(Role.BudgetHolder, new[] { Permission.ReadCatalogue, Permission.ReadScopedCostCentres })]
    [InlineData(Role.Supplier, new[] { Permission.ReadCatalogue })]
    [InlineData(Role.Auditor, new[] { Permission.ReadCatalogue, Permission.ReadAllCostCentres, Permission.ReadAuditLog, Permission.ReadLedger })]
    public void APolicy_ListsTheRolesPermissions_AndGrantsExactlyThose(Role role, Permission[] permissions)
    {
        Assert.Equal(permissions, AccessPolicy.PermissionsOf(role));
        Assert.All(Enum.GetValues<Permission>(), p => Assert.Equal(permissions.Contains(p), AccessPolicy.Grants(role, p)));
    }
}
