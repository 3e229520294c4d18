using System.CommandLine;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Access;
using FairShare.Features.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>--role, --cost-centre and --supplier: a role and its scope, as users and tokens take them, in the words the API uses.</summary>
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
    public async Task<Outcome<RoleGrant>> GrantAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var role = Parse.Word<Role>(parse.GetValue(Role), "--role");
        var errors = new List<DomainError>(role.Errors);
        var (costCentreId, supplierId) = await services.GetRequiredService<ScopeCodes>()
            .ResolveAsync(parse.GetValue(CostCentre), parse.GetValue(Supplier), errors, ct);
        return errors.Count > 0 ? Outcome<RoleGrant>.Invalid(errors) : new RoleGrant(role.Value, costCentreId, supplierId);
    }
}
