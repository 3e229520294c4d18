using FairShare.Domain.Access;
using FairShare.Features.Suppliers;
using FairShare.Features.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Suppliers;

/// <summary>One supplier: its contract, its contract rates, and (for procurement) a form to enter a rate.</summary>
public sealed class DetailModel(GetSupplier get, SetSupplierRate setRate, TenantContext tenants, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> RateFields = new()
    {
        ["offeringCode"] = "OfferingCode",
        ["financialYear"] = "FinancialYear",
        ["rate"] = "Rate",
        ["name"] = "OfferingName",
        ["category"] = "Category",
        ["unit"] = "Unit",
    };

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Added { get; set; }
    [BindProperty(SupportsGet = true)] public string? Changed { get; set; }

    [BindProperty] public string? OfferingCode { get; set; }
    [BindProperty] public string? OfferingName { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? FinancialYear { get; set; }
    [BindProperty] public string? Rate { get; set; }

    public SupplierDetail? Supplier { get; private set; }
    public string? Saved { get; private set; }
    public bool CanManage => tenants.Actor.Has(Permission.ManageSuppliers);
    public int CurrentYear => tenants.Current.YearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).StartYear;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Saved = Added is not null ? "Supplier added. Now enter its contract rates." : Changed is not null ? "Supplier's details saved." : null;
        FinancialYear = CurrentYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken cancellationToken)
    {
        var errors = new List<Domain.DomainError>();
        int? year = null;
        decimal? rate = null;
        if (!string.IsNullOrWhiteSpace(FinancialYear))
        {
            if (int.TryParse(FinancialYear.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            {
                year = y;
            }
            else
            {
                errors.Add(new("financialYear", $"'{FinancialYear.Trim()}' is not a year: write the first calendar year, e.g. 2026 for 2026/27."));
            }
        }
        if (!string.IsNullOrWhiteSpace(Rate))
        {
            if (decimal.TryParse(Rate.Trim().TrimStart('£'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var r))
            {
                rate = r;
            }
            else
            {
                errors.Add(new("rate", $"'{Rate.Trim()}' is not an amount of money, e.g. 145.00."));
            }
        }
        var outcome = errors.Count > 0
            ? Features.Outcome<SupplierRateSet>.Invalid(errors)
            : await setRate.HandleAsync(new SetSupplierRateRequest(Code, OfferingCode, year, rate, OfferingName, Category, Unit), cancellationToken);
        if (this.Show(outcome, RateFields, "OfferingCode") is { } failed)
        {
            return failed;
        }
        if (outcome.IsOk)
        {
            Saved = outcome.Value.Message;
            OfferingCode = OfferingName = Category = Unit = Rate = null;
        }
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await get.HandleAsync(new GetSupplierRequest(Code), cancellationToken);
        if (this.Show(outcome) is { } failed)
        {
            return failed;
        }
        Supplier = outcome.Value;
        return null;
    }
}
