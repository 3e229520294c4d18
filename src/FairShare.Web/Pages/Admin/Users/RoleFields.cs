namespace FairShare.Web.Pages.Admin.Users;

/// <summary>The role, cost centres and supplier a form holds, for the shared partial.</summary>
public sealed record RoleFields(string? Role, string? CostCentres, string? Supplier);
