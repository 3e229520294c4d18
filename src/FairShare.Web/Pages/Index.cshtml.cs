using FairShare.Domain.Access;
using FairShare.Features.Catalogue;
using FairShare.Features.Organisation;
using FairShare.Features.Tenancy;
using FairShare.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages;

/// <summary>
/// The home page fits the person: each section appears only for a role that may open the pages it links to,
/// judged by the same permissions as the use cases behind those pages.
/// </summary>
public sealed class IndexModel(ListOfferings listOfferings, ListCostCentres listCostCentres, GetCostCentre getCostCentre, TenantContext tenants) : PageModel
{
    public sealed record ServiceOfferings(CostCentreSummary Service, IReadOnlyList<ProvidedOffering> Offerings);

    public string AuthorityName { get; private set; } = "";
    public string Year { get; private set; } = "";
    public int Offerings { get; private set; }
    public int Categories => CategoryNames.Count;
    public IReadOnlyList<string> CategoryNames { get; private set; } = [];

    public bool RunsMonthEnd { get; private set; }
    public bool ReadsEveryCostCentre { get; private set; }
    public bool ReadsAuditLog { get; private set; }
    public bool ManagesApiTokens { get; private set; }
    public bool ManagesUsers { get; private set; }
    public bool SetsPolicies { get; private set; }
    public bool SetsPrices { get; private set; }
    public bool SeesOnlyOwnOfferings { get; private set; }

    /// <summary>The cost centres a budget holder holds (empty for roles that read every cost centre).</summary>
    public IReadOnlyList<CostCentreSummary> OwnCostCentres { get; private set; } = [];

    /// <summary>The support services a provider manager or provider staff works in, with what each offers.</summary>
    public IReadOnlyList<ServiceOfferings> OwnServices { get; private set; } = [];

    /// <summary>A supplier's own offerings, each a link from the home page.</summary>
    public IReadOnlyList<OfferingSummary> SupplierOfferings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = tenants.Actor;
        var catalogue = await listOfferings.HandleAsync(new ListOfferingsRequest(), cancellationToken);
        if (this.Show(catalogue) is { } failed)
        {
            return failed;
        }
        var listing = catalogue.Value;
        AuthorityName = tenants.Current.Name;
        Year = listing.FinancialYear;
        Offerings = listing.Offerings.Count;
        CategoryNames = listing.Categories;

        RunsMonthEnd = actor.Has(Permission.RunRecharge);
        ReadsEveryCostCentre = actor.Has(Permission.ReadAllCostCentres);
        ReadsAuditLog = actor.Has(Permission.ReadAuditLog);
        ManagesApiTokens = actor.Has(Permission.ManageApiTokens);
        ManagesUsers = actor.Has(Permission.ManageUsers);
        SetsPolicies = actor.Has(Permission.SetAuthorityPolicy);
        SetsPrices = actor.Has(Permission.SetOfferingPrices);
        SeesOnlyOwnOfferings = actor.SeesOnlyOwnSupplierOfferings;
        SupplierOfferings = SeesOnlyOwnOfferings ? listing.Offerings : [];

        if (!ReadsEveryCostCentre && SiteNavigation.CanListCostCentres(actor))
        {
            var providerCentres = actor.Grants
                .Where(g => g.Role is Role.ProviderManager or Role.ProviderStaff && g.CostCentreId is not null)
                .Select(g => g.CostCentreId!.Value)
                .ToHashSet();
            var centres = await listCostCentres.HandleAsync(new ListCostCentresRequest(), cancellationToken);
            var scoped = centres.IsOk ? centres.Value : [];
            OwnCostCentres = scoped.Where(c => !providerCentres.Contains(c.Id)).ToArray();
            var services = new List<ServiceOfferings>();
            foreach (var centre in scoped.Where(c => providerCentres.Contains(c.Id)))
            {
                var detail = await getCostCentre.HandleAsync(new GetCostCentreRequest(centre.Id), cancellationToken);
                if (detail.IsOk)
                {
                    services.Add(new ServiceOfferings(detail.Value.Summary, detail.Value.Offerings));
                }
            }
            OwnServices = services;
        }
        return Page();
    }
}
