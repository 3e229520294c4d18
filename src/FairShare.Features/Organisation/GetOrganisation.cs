using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

public sealed record GetOrganisationRequest;

public sealed record DirectorateLine(string Code, string Name, DateOnly? From, DateOnly? To, int CostCentres);

public sealed record FundLine(string Code, string Name, bool RingFenced, int CostCentres);

public sealed record OrganisationOverview(IReadOnlyList<DirectorateLine> Directorates, IReadOnlyList<FundLine> Funds, int CostCentres, int ClosedCostCentres,
    int SubjectiveCodes, IReadOnlyList<ColumnMappingView> Mappings);

/// <summary>The authority's organisation at a glance: directorates, funds, counts and the column mappings saved. Administrators and finance officers.</summary>
public sealed class GetOrganisation(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<OrganisationOverview>> HandleAsync(GetOrganisationRequest request, CancellationToken cancellationToken = default)
    {
        if (tenants.Refusal(Permission.ManageOrganisation, "see the organisation's set-up") is { } forbidden)
        {
            return Outcome<OrganisationOverview>.Forbidden(forbidden);
        }
        var id = tenants.Current.AuthorityId;
        var centres = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == id).Select(c => new { c.DirectorateId, c.FundId, c.ClosedFrom }).ToListAsync(cancellationToken);
        var directorates = await db.Directorates.AsNoTracking().Where(d => d.AuthorityId == id).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var funds = await db.Funds.AsNoTracking().Where(f => f.AuthorityId == id).OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var general = funds.FirstOrDefault(f => f.Code == Domain.Fund.GeneralFundCode)?.Id;
        var mappings = await db.ColumnMappings.AsNoTracking().Where(m => m.AuthorityId == id).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return new OrganisationOverview(
            [.. directorates.Select(d => new DirectorateLine(d.Code, d.Name, d.EffectiveFrom, d.EffectiveTo, centres.Count(c => c.DirectorateId == d.Id)))],
            [.. funds.Select(f => new FundLine(f.Code, f.Name, f.RingFenced, centres.Count(c => (c.FundId ?? general) == f.Id)))],
            centres.Count, centres.Count(c => c.ClosedFrom is not null),
            await db.SubjectiveCodes.CountAsync(s => s.AuthorityId == id, cancellationToken),
            [.. mappings.Select(m => new ColumnMappingView(m.Name, m.Kind,
                Import.OrganisationFile.ParseMapping(m.Columns, ImportOrganisation.FieldsOf(Slugs.TryParse<Import.OrganisationFileKind>(m.Kind, out var k) ? k : default)).Mapping ?? [], m.DateFormat))]);
    }
}
