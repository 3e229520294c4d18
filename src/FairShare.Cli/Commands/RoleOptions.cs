using System.CommandLine;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>--role, --cost-centre and --supplier: a role and its scope, as users and tokens take them.</summary>
public sealed class RoleOptions
{
    public Option<string> Role { get; } = new("--role")
    {
        Description = $"One of: {string.Join(", ", Slugs.All<Role>())} (the API's words; BudgetHolder and the like work too).",
        Required = true,
    };
    public Option<string?> CostCentre { get; } = new("--cost-centre") { Description = "Cost centre code, for budget holders and providers (e.g. S-LEG)." };
    public Option<string?> Supplier { get; } = new("--supplier") { Description = "Supplier code, for suppliers (e.g. SUP-BRIGHT)." };

    public IEnumerable<Option> All => [Role, CostCentre, Supplier];

    /// <summary>The grant the options name, or every problem with them.</summary>
    public async Task<RoleGrant> GrantAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        // Slugs, not Enum.TryParse, which would take "7" or "auditor, supplier" as a role no one has.
        if (!Slugs.TryParse<Role>(parse.GetValue(Role), out var role))
        {
            errors.Add(new DomainError("--role", Slugs.NotOneOf<Role>(parse.GetValue(Role))));
        }
        var (costCentreId, supplierId) = await services.GetRequiredService<ScopeCodes>()
            .ResolveAsync(parse.GetValue(CostCentre), parse.GetValue(Supplier), errors, ct);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
        return new RoleGrant(role, costCentreId, supplierId);
    }
}
