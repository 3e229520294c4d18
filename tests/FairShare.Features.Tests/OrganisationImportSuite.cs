using System.Text;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Organisation;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace FairShare.Features.Tests;

/// <summary>
/// The organisation from the ledger's own files, on SQLite and on PostgreSQL: FairShare's template and two
/// ledgers' layouts (Unit4-style and Oracle-style, through saved column mappings), a preview that writes nothing,
/// an apply that writes all, and every bad input named by row, field and reason with nothing half-written.
/// </summary>
public abstract class OrganisationImportSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "OrganisationFiles", name));

    private async Task<Outcome<T>> AsAsync<T>(Func<IServiceProvider, Task<Outcome<T>>> action, Role role = Role.FinanceOfficer)
    {
        await using var scope = await database.ScopeForAsync(County, new RoleGrant(role), "Tom Hughes", "user:tom");
        return await action(scope.ServiceProvider);
    }

    private Task<Outcome<OrganisationPreview>> ImportAsync(string kind, string fileName, byte[] content, bool apply, string? mapping = null,
        ImportEncoding encoding = ImportEncoding.Utf8, Role role = Role.FinanceOfficer) =>
        AsAsync(s => s.GetRequiredService<ImportOrganisation>().HandleAsync(new ImportOrganisationRequest(kind, fileName, content, mapping, apply, encoding)), role);

    private Task<Outcome<ColumnMappingView>> MapAsync(string name, string kind, string columns, string? dateFormat = null) =>
        AsAsync(s => s.GetRequiredService<SaveColumnMapping>().HandleAsync(new SaveColumnMappingRequest(name, kind, columns, dateFormat)));

    private async Task<T> ReadAsync<T>(Func<FairShareDbContext, Task<T>> read)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return await read(db);
    }

    private Task<(int Directorates, int CostCentres, int Budgets, int Codes)> CountsAsync() =>
        ReadAsync(async db => (await db.Directorates.CountAsync(), await db.CostCentres.CountAsync(), await db.Budgets.CountAsync(), await db.SubjectiveCodes.CountAsync()));

    [Fact]
    public async Task TheTemplate_PreviewsWithoutWriting_ThenAppliesAll_AndASecondPreviewFindsNothingToDo()
    {
        var before = await CountsAsync();
        var preview = await ImportAsync("directorates", "directorates.csv", Sample("template-directorates.csv"), apply: false).Ok();
        Assert.Equal((2, 0, 0, false), (preview.Added, preview.Changed, preview.Closed, preview.Applied));
        Assert.Equal(before, await CountsAsync());

        await ImportAsync("directorates", "directorates.csv", Sample("template-directorates.csv"), apply: true).Ok();
        var centres = await ImportAsync("cost-centres", "cost-centres.csv", Sample("template-cost-centres.csv"), apply: false).Ok();
        Assert.Equal(4, centres.Added);
        Assert.Contains(centres.Adds, a => a is { Code: "T-CDC", What: "new corporate and democratic core cost centre in T-OLD" });
        var applied = await ImportAsync("cost-centres", "cost-centres.csv", Sample("template-cost-centres.csv"), apply: true).Ok();
        Assert.True(applied.Applied);

        var housing = await ReadAsync(db => db.CostCentres.SingleAsync(c => c.Code == "T-HOU1"));
        var hra = await ReadAsync(db => db.Funds.SingleAsync(f => f.AuthorityId == housing.AuthorityId && f.Code == "HRA"));
        Assert.Equal((hra.Id, "RO4-310", CostCentreKind.Frontline), (housing.FundId!.Value, housing.ServiceLineCode!, housing.Kind));
        Assert.True(hra.RingFenced);
        Assert.NotNull(housing.BudgetHolderId);
        Assert.Equal(CostCentreKind.NonDistributedCosts, (await ReadAsync(db => db.CostCentres.SingleAsync(c => c.Code == "T-NDC"))).Kind);
        var old = await ReadAsync(db => db.Directorates.SingleAsync(d => d.Code == "T-OLD"));
        Assert.Equal(new DateOnly(2027, 3, 31), old.EffectiveTo);

        var again = await ImportAsync("cost-centres", "cost-centres.csv", Sample("template-cost-centres.csv"), apply: false).Ok();
        Assert.Equal((0, 0, 0, 4), (again.Added, again.Changed, again.Closed, again.Unchanged));
        var audit = await AsAsync(s => s.GetRequiredService<Access.SearchAuditLog>().HandleAsync(new Access.SearchAuditLogRequest("organisation.import")), Role.Auditor).Ok();
        Assert.True(audit.Count(a => a.Action == "organisation.import") >= 2);
    }

    [Fact]
    public async Task AUnit4Layout_ThroughItsSavedMapping_AddsDirectoratesByName_AndClosesFromItsDate()
    {
        await MapAsync("unit4-hierarchy", "cost-centres",
            "Cost Centre=code;Cost Centre Description=name;Tier 3=directorate;Tier 3 Description=directorateName;Service Type=kind;"
            + "Budget Holder=budgetHolder;Fund=fund;RO Line=serviceLine;RO Description=serviceLineName;Closed Date=closedFrom", "dd/MM/yyyy").Ok();
        var preview = await ImportAsync("cost-centres", "hierarchy.csv", Sample("unit4-cost-centres.csv"), apply: false, mapping: "unit4-hierarchy").Ok();
        Assert.Equal(3 + 4, preview.Added);
        Assert.Contains(preview.Adds, a => a is { Code: "U4-COM", What: "new directorate" });
        Assert.Contains(preview.Adds, a => a.Code == "U4110" && a.What.EndsWith("closed from 2026-09-30", StringComparison.Ordinal));
        await ImportAsync("cost-centres", "hierarchy.csv", Sample("unit4-cost-centres.csv"), apply: true, mapping: "unit4-hierarchy").Ok();

        // The next month's extract closes the central library from 31 March 2027.
        var next = Encoding.UTF8.GetString(Sample("unit4-cost-centres.csv")).Replace("Library service,,jsmith", "Library service,31/03/2027,jsmith", StringComparison.Ordinal);
        var closing = await ImportAsync("cost-centres", "hierarchy.csv", Encoding.UTF8.GetBytes(next), apply: false, mapping: "unit4-hierarchy").Ok();
        Assert.Equal((0, 0, 1), (closing.Added, closing.Changed, closing.Closed));
        Assert.Equal("closed from: none → 2027-03-31", Assert.Single(closing.Closes).What);
    }

    [Fact]
    public async Task AnOracleLayout_ReadsItsDates_AndBudgetsInVersions_WithMonthlyProfiles()
    {
        await MapAsync("oracle-cc", "cost-centres",
            "COST_CENTER_CODE=code;DESCRIPTION=name;DIRECTORATE_CODE=directorate;CC_TYPE=kind;MANAGER_EMAIL=budgetHolder;FUND_CODE=fund;SERVICE_LINE=serviceLine;END_DATE_ACTIVE=closedFrom",
            "dd-MMM-yyyy").Ok();
        await MapAsync("oracle-budgets", "budgets",
            "CC=costCentre;FISCAL_YEAR=year;BUDGET_VERSION=version;ANNUAL_BUDGET=amount;" + string.Join(";", Enumerable.Range(1, 12).Select(m => $"PERIOD_{m:00}=month{m}"))).Ok();
        await ImportAsync("cost-centres", "gl_cost_centers.csv", Sample("oracle-cost-centres.csv"), apply: true, mapping: "oracle-cc").Ok();
        var closed = await ReadAsync(db => db.CostCentres.SingleAsync(c => c.Code == "OR-5001"));
        Assert.Equal(new DateOnly(2027, 3, 31), closed.ClosedFrom);

        var budgets = await ImportAsync("budgets", "gl_budgets.csv", Sample("oracle-budgets.csv"), apply: true, mapping: "oracle-budgets").Ok();
        Assert.Equal(4, budgets.Added);
        var id = closed.Id;
        var detail = await AsAsync(s => s.GetRequiredService<GetCostCentre>().HandleAsync(new GetCostCentreRequest(id))).Ok();
        Assert.Equal(["original", "revised"], detail.Budgets.Where(b => b.FinancialYear == "2026/27").Select(b => b.Version));
        Assert.Equal(Money.FromPounds(1_260_000m), detail.Summary.Budget);
        Assert.Equal(Money.FromPounds(110_000m), detail.Budgets.Single(b => b.Version == "revised").Profile![11]);
        Assert.Equal(("PH", true), (detail.Filing!.Fund, detail.Filing.RingFenced));

        var flat = await ReadAsync(db => db.Budgets.SingleAsync(b => b.CostCentre.Code == "OR-5002"));
        Assert.Equal([.. Enumerable.Repeat(8_334L, 9), .. Enumerable.Repeat(8_333L, 3)], flat.Profile.Select(m => m.Pence));
        Assert.Equal(BudgetVersion.Draft, (await ReadAsync(db => db.Budgets.SingleAsync(b => b.CostCentre.Code == "OR-5003"))).Version);
    }

    [Fact]
    public async Task SubjectiveCodes_FromTheTemplateOrAnExcelWorkbook_MapToFairSharesCategories()
    {
        var preview = await ImportAsync("subjective-codes", "codes.csv", Sample("template-subjective-codes.csv"), apply: true).Ok();
        Assert.Equal(4, preview.Added);
        var electricity = await ReadAsync(db => db.SubjectiveCodes.SingleAsync(s => s.Code == "T2201"));
        Assert.Equal("2000", electricity.CategoryCode);

        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[] { new { Account = "T5501", Description = "Agency staff", Category = "Employees" } });
        await MapAsync("ledger-accounts", "subjective-codes", "Account=code;Description=name;Category=category").Ok();
        var excel = await ImportAsync("subjective-codes", "accounts.xlsx", workbook.ToArray(), apply: true, mapping: "ledger-accounts").Ok();
        Assert.Equal(1, excel.Added);
    }

    [Fact]
    public async Task BadInput_IsNamedByRowFieldAndReason_AndNothingIsWritten()
    {
        var before = await CountsAsync();
        const string Header = "code,name,kind,directorate,budgetHolder,fund\n";
        var bad = await ImportAsync("cost-centres", "bad.csv", Encoding.UTF8.GetBytes(Header
            + "B-1,One,frontline,RES,,\n"
            + "B-1,One again,frontline,RES,,\n"
            + "B-2,Two,frontline,NOPE,,\n"
            + "B-3,Three,frontline,RES,nobody@northshire.example,\n"
            + "F-OP,Older People's Services,support,ASC,,\n"
            + "B-4,Four,sideways,RES,,XYZ\n"), apply: true).Fails(OutcomeKind.Invalid);
        var problems = bad.Problems();
        Assert.Contains(problems, p => p.StartsWith("line 3, code 'B-1': is already on line 2 of this file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 4, directorate 'NOPE': is not one of this authority's directorates", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 5, budgetHolder 'nobody@northshire.example': is not a user of this authority", StringComparison.Ordinal));
        Assert.Contains("line 6, kind 'support': F-OP has postings as a frontline cost centre; its kind cannot change to support. Close it from a date and open a new cost centre of the new kind.", problems);
        Assert.Contains(problems, p => p.StartsWith("line 7, kind 'sideways': is not a kind of cost centre", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 7, fund 'XYZ': is not one of this authority's funds", StringComparison.Ordinal));

        Assert.Equal("The file is empty.", (await ImportAsync("cost-centres", "empty.csv", [], apply: true).Fails(OutcomeKind.Invalid)).Message.Replace("file: ", "", StringComparison.Ordinal));
        Assert.Equal(["The file has a header but no rows."], (await ImportAsync("cost-centres", "header.csv", Encoding.UTF8.GetBytes(Header), apply: true).Fails(OutcomeKind.Invalid)).Problems());

        var pound = Encoding.Latin1.GetBytes("code,name,category\nP1,Petty cash £ float,4000\n");
        var asUtf8 = await ImportAsync("subjective-codes", "pound.csv", pound, apply: true).Fails(OutcomeKind.Invalid);
        Assert.StartsWith("Line 2 is not UTF-8 text", Assert.Single(asUtf8.Errors).Message, StringComparison.Ordinal);
        var budget = await ImportAsync("budgets", "budgets.csv", Encoding.UTF8.GetBytes("costCentre,year,amount,month1\nF-OP,2026/28,-5,1\n"), apply: true).Fails(OutcomeKind.Invalid);
        Assert.Contains(budget.Problems(), p => p.StartsWith("line 2, year '2026/28': is not a financial year", StringComparison.Ordinal));
        Assert.Contains(budget.Problems(), p => p.StartsWith("line 2, amount '-5': cannot be negative", StringComparison.Ordinal));
        Assert.Contains(budget.Problems(), p => p.StartsWith("line 2, month2 '': is blank: a monthly profile gives all 12 months", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());

        var read = await ImportAsync("subjective-codes", "pound.csv", pound, apply: true, encoding: ImportEncoding.Windows1252).Ok();
        Assert.Equal("Petty cash £ float", Assert.Single(read.Adds).Name);
    }

    [Fact]
    public async Task AClosedCostCentre_TakesNoUsageOnOrAfterItsCloseDate_AndOnlyFinanceOrAdministratorsManageTheOrganisation()
    {
        await ImportAsync("cost-centres", "cc.csv", Encoding.UTF8.GetBytes("code,name,kind,directorate\nCL-1,Closing Soon,frontline,ASC\n"), apply: true).Ok();
        var closed = await AsAsync(s => s.GetRequiredService<CloseCostCentre>().HandleAsync(new CloseCostCentreRequest("CL-1", "2027-01-01"))).Ok();
        Assert.StartsWith("CL-1 Closing Soon is closed from 2027-01-01", closed.Message, StringComparison.Ordinal);
        await AsAsync(s => s.GetRequiredService<CloseCostCentre>().HandleAsync(new CloseCostCentreRequest("CL-1", "2027-02-01"))).Fails(OutcomeKind.Refused);

        var usage = "recordId,date,buyer,offering,quantity,jobReference,recordedBy\nCL-U1,2026-12-31,CL-1,LEG-ADV,1,J,me\nCL-U2,2027-01-05,CL-1,LEG-ADV,1,J,me\n";
        var refused = await AsAsync(s => s.GetRequiredService<ImportFile>().HandleAsync(new ImportRequest(ImportKind.Usage, "usage.csv", Encoding.UTF8.GetBytes(usage))))
            .Fails(OutcomeKind.Invalid);
        Assert.Equal(["line 3, buyer 'CL-1': is closed from 2027-01-01: a closed cost centre takes no usage dated on or after that day."], refused.Problems());

        await ImportAsync("cost-centres", "cc.csv", Encoding.UTF8.GetBytes("code,name,kind,directorate\nCL-2,X,frontline,ASC\n"), apply: false, role: Role.BudgetHolder).Fails(OutcomeKind.Forbidden);
        await AsAsync(s => s.GetRequiredService<CloseCostCentre>().HandleAsync(new CloseCostCentreRequest("CL-1", "2027-01-01")), Role.Auditor).Fails(OutcomeKind.Forbidden);
    }
}

public sealed class OrganisationImportOnSqlite(SqliteDatabase database) : OrganisationImportSuite<SqliteDatabase>(database);

public sealed class OrganisationImportOnPostgres(PostgresDatabase database) : OrganisationImportSuite<PostgresDatabase>(database);
