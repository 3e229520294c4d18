using FairShare.Domain.Access;

namespace FairShare.Domain.Tests;

public class SupplierContractTests
{
    private static readonly Authority Council = new("TST", "Test Council");

    private static SupplierDetails Details(DateOnly? start = null, DateOnly? end = null) =>
        new(" sup-acme ", " Acme Ltd ", "Cleaning", " CCS RM6187 ", start ?? new DateOnly(2026, 4, 1), end ?? new DateOnly(2028, 3, 31));

    [Fact]
    public void Register_KeepsTheContract_AndUppercasesTheCode()
    {
        var supplier = Supplier.Register(Council, Details()).Value;
        Assert.Equal(("SUP-ACME", "Acme Ltd", "CCS RM6187", new DateOnly(2028, 3, 31)), (supplier.Code, supplier.Name, supplier.ContractReference, supplier.ContractEnd));
    }

    [Theory]
    [InlineData("2028-03-31", false)]
    [InlineData("2028-04-01", true)]
    public void AContract_HasEnded_TheDayAfterItsLastDay(string on, bool ended) =>
        Assert.Equal(ended, Supplier.Register(Council, Details()).Value.ContractEndedBy(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Validation_ReportsEveryProblemAtOnce()
    {
        var errors = new SupplierDetails("bad code", "", new string('x', 2001), null, null, null).Validate().Select(e => e.Field);
        Assert.Equal(["code", "name", "description", "contractReference", "contractStart", "contractEnd"], errors);
        var backwards = Details(new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1)).Validate().Single();
        Assert.Equal(("contractEnd", "the contract ends (2026-01-01) before it starts (2027-01-01)."), (backwards.Field, backwards.Message));
    }

    [Fact]
    public void Change_KeepsTheCode_AndRefusesABackwardsContract_ChangingNothing()
    {
        var supplier = Supplier.Register(Council, Details()).Value;
        Assert.False(supplier.Change(Details(new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1)) with { Name = "Other" }).IsSuccess);
        Assert.Equal("Acme Ltd", supplier.Name);
        supplier.Change(Details(end: new DateOnly(2030, 3, 31)) with { Code = "IGNORED", Name = "Acme Group" });
        Assert.Equal(("SUP-ACME", "Acme Group", new DateOnly(2030, 3, 31)), (supplier.Code, supplier.Name, supplier.ContractEnd));
    }

    [Fact]
    public void SupplierSelfService_IsOffUntilTurnedOn_AndProcurementIsTheFinanceOfficers()
    {
        var council = new Authority("NEW", "New Council");
        Assert.False(council.SupplierSelfService);
        Assert.True(council.AllowSupplierSelfService(true).SupplierSelfService);
        Assert.True(AccessPolicy.Grants(Role.FinanceOfficer, Permission.ManageSuppliers));
        Assert.True(AccessPolicy.Grants(Role.Administrator, Permission.ManageSuppliers));
        Assert.All(Enum.GetValues<Role>().Except([Role.FinanceOfficer, Role.Administrator]), r => Assert.False(AccessPolicy.Grants(r, Permission.ManageSuppliers)));
    }
}
