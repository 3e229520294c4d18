using System.Globalization;

namespace FairShare.Web.Pages.Admin.Users;

/// <summary>What the people pages share: the use cases' field names mapped to the form's, and how a sign-in time reads.</summary>
public static class PeoplePages
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["email"] = "Email",
        ["name"] = "Name",
        ["role"] = "Role",
        ["roles"] = "Role",
        ["costCentre"] = "CostCentres",
        ["costCentreId"] = "CostCentres",
        ["supplier"] = "Supplier",
        ["supplierId"] = "Supplier",
        ["password"] = "Email",
    };

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string When(DateTimeOffset? at) => at is { } t ? t.ToString("d MMM yyyy, HH:mm", British) : "Never";
}
