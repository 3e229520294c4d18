using FairShare.Domain.Access;

namespace FairShare.Web.Pages.Shared;

/// <summary>One link of the service navigation: the section it highlights, where it goes, what it says.</summary>
public sealed record NavigationLink(string Section, string Href, string Text);

/// <summary>
/// The service navigation a signed-in person sees: only the pages their roles may open, decided by the same
/// permissions the use cases demand, so a link never leads to a refusal.
/// </summary>
public static class SiteNavigation
{
    public static IReadOnlyList<NavigationLink> For(Actor actor)
    {
        var links = new List<NavigationLink> { new("home", "/", "Home") };
        if (actor.Has(Permission.ReadCatalogue))
        {
            links.Add(new("catalogue", "/catalogue", "Catalogue"));
            links.Add(new("compare", "/catalogue/compare", "Compare"));
        }
        if (CanListCostCentres(actor))
        {
            links.Add(new("cost-centres", "/cost-centres", "Cost centres"));
        }
        if (actor.Has(Permission.ManageOrganisation))
        {
            links.Add(new("organisation", "/organisation", "Organisation"));
        }
        if (Features.Suppliers.SupplierAccess.MayRead(actor))
        {
            links.Add(new("suppliers", "/suppliers", "Suppliers"));
        }
        if (actor.Has(Permission.ReadLedger))
        {
            links.Add(new("recharge", "/recharge", "Month end"));
        }
        else if (actor.Has(Permission.ImportUsage))
        {
            links.Add(new("recharge", "/recharge/import", "Import usage"));
        }
        if (actor.Has(Permission.ReadAuditLog))
        {
            links.Add(new("audit", "/audit", "Audit log"));
        }
        if (actor.Has(Permission.ManageUsers))
        {
            links.Add(new("users", "/admin/users", "People"));
        }
        if (actor.Has(Permission.ManageApiTokens))
        {
            links.Add(new("tokens", "/admin/tokens", "API tokens"));
        }
        return links;
    }

    /// <summary>The cost-centre list answers everyone who may read all cost centres or some of them (ListCostCentres).</summary>
    public static bool CanListCostCentres(Actor actor) =>
        actor.Has(Permission.ReadAllCostCentres) || actor.Has(Permission.ReadScopedCostCentres);
}
