using System.CommandLine;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>--role, --cost-centre and --supplier: a role and its scope, as users and tokens take them.</summary>
public sealed class RoleOptions
{
    public Option<string> Role { get; } = new("--role") { Description = $"One of: {string.Join(", ", Enum.GetNames<Role>())}.", Required = true };
    public Option<string?> CostCentre { get; } = new("--cost-centre") { Description = "Cost centre code, for budget holders and providers (e.g. S-LEG)." };
    public Option<string?> Supplier { get; } = new("--supplier") { Description = "Supplier code, for suppliers (e.g. SUP-BRIGHT)." };

    public IEnumerable<Option> All => [Role, CostCentre, Supplier];

    /// <summary>The grant the options name, or every problem with them.</summary>
    public async Task<RoleGrant> GrantAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (!Enum.TryParse<Role>(parse.GetValue(Role), ignoreCase: true, out var role))
        {
            errors.Add(new DomainError("--role", $"'{parse.GetValue(Role)}' is not one of {string.Join(", ", Enum.GetNames<Role>())}."));
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
