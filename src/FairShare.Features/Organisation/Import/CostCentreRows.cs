using FairShare.Domain;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation.Import;

/// <summary>
/// Cost centres: code, name, kind, directorate (a new one when its name is given too), budget holder, fund,
/// Revenue Outturn service line and closing date. A kind change on a cost centre with postings is refused;
/// a cost centre the file does not name is left as it is (an import never deletes or closes by omission).
/// </summary>
internal sealed class CostCentreRows : IOrganisationKind
{
    public OrganisationFileKind Kind => OrganisationFileKind.CostCentres;

    public IReadOnlyList<OrganisationField> Fields { get; } =
    [
        new("code", true, "the cost centre's code, at most 40 characters"),
        new("name", true, "its name"),
        new("kind", true, "frontline, support, corporate and democratic core (cdc) or non-distributed costs (ndc)"),
        new("directorate", true, "its directorate's code"),
        new("directorateName", false, "the directorate's name: a directorate not held yet is added"),
        new("budgetHolder", false, "the budget holder's email address, as they sign in to FairShare"),
        new("fund", false, "the fund's code: GF (the default), HRA, DSG, PH or another the council has added"),
        new("serviceLine", false, "the Revenue Outturn service line's code"),
        new("serviceLineName", false, "the Revenue Outturn service line's name"),
        new("closedFrom", false, "the first day it is closed: no usage or postings on or after it"),
    ];

    /// <summary>A kind as ledgers write it: the slug, the words, or CDC / NDC; null if none of those.</summary>
    public static CostCentreKind? ParseKind(string text) =>
        text.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) switch
        {
            "FRONTLINE" or "SERVICE" => CostCentreKind.Frontline,
            "SUPPORT" or "SUPPORTSERVICE" => CostCentreKind.Support,
            "CORPORATEANDDEMOCRATICCORE" or "CDC" or "DEMOCRATICCORE" => CostCentreKind.CorporateAndDemocraticCore,
            "NONDISTRIBUTEDCOSTS" or "NDC" => CostCentreKind.NonDistributedCosts,
            _ => null,
        };

    public async Task PlanAsync(FairShareDbContext db, OrganisationState state, IReadOnlyList<OrganisationRow> rows, RowReader read, OrganisationPlan plan, CancellationToken ct)
    {
        var seen = new SeenCodes(read, "code");
        var kindChanges = new List<(OrganisationRow Row, CostCentre Centre, CostCentreKind To)>();
        var newDirectorates = new Dictionary<string, Directorate>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = read.Problems.Count;
            var code = read.Text(row, "code", 40, required: true);
            var name = read.Text(row, "name", 200, required: true);
            CostCentreKind? kind = null;
            if (read.Text(row, "kind", 60, required: true) is { } kindText && (kind = ParseKind(kindText)) is null)
            {
                read.Problem(row, "kind", "is not a kind of cost centre: frontline, support, corporate and democratic core (cdc) or non-distributed costs (ndc).");
            }
            var directorate = Directorate(row, state, read, newDirectorates, plan, db);
            int? holder = null;
            if (read.Text(row, "budgetHolder", 320, required: false) is { } email && (holder = state.UserId(email)) is null)
            {
                read.Problem(row, "budgetHolder", "is not a user of this authority: give the budget holder's email address as they sign in (add them first).");
            }
            Fund? fund = null;
            var fundCode = read.Text(row, "fund", Fund.MaxCode, required: false) ?? Fund.GeneralFundCode;
            if (!state.Funds.TryGetValue(fundCode, out fund))
            {
                read.Problem(row, "fund", $"is not one of this authority's funds ({string.Join(", ", state.Funds.Keys.Order(StringComparer.Ordinal))}); add it in a funds file first.");
            }
            var line = read.Text(row, "serviceLine", 40, required: false);
            var lineName = read.Text(row, "serviceLineName", 200, required: false);
            var closedFrom = read.Date(row, "closedFrom");
            if (code is null || !seen.First(row, code) || read.Problems.Count > before)
            {
                continue;
            }
            if (!state.CostCentres.TryGetValue(code, out var existing))
            {
                plan.Adds.Add(new PreviewLine(row.Line, code, name!, $"new {kind!.Value.Words()} cost centre in {directorate!.Code}" + (closedFrom is null ? "" : $", closed from {OrganisationKinds.Date(closedFrom)}")));
                plan.Then.Add(() =>
                {
                    var centre = new CostCentre(directorate!, code, name!, kind!.Value);
                    centre.Describe(name!, directorate!, fund!.Id, holder, line, lineName);
                    centre.CloseFrom(closedFrom);
                    db.CostCentres.Add(centre);
                });
                continue;
            }
            var keepHolder = row.Has("budgetHolder") ? holder : existing.BudgetHolderId;
            var keepFund = row.Has("fund") ? fund! : null;
            var keepLine = row.Has("serviceLine") ? line : existing.ServiceLineCode;
            var keepLineName = row.Has("serviceLineName") ? lineName : existing.ServiceLineName;
            var keepClosed = closedFrom ?? existing.ClosedFrom;
            var what = OrganisationPlan.Differences(
                ("name", existing.Name, name), ("kind", existing.Kind.Words(), kind!.Value.Words()),
                ("directorate", state.Directorates.Values.FirstOrDefault(d => d.Id == existing.DirectorateId)?.Code, directorate!.Code),
                ("budget holder", existing.BudgetHolderId is { } h ? state.UserEmails.GetValueOrDefault(h) : null, keepHolder is { } k ? state.UserEmails.GetValueOrDefault(k) : null),
                ("fund", state.FundCode(existing.FundId), keepFund?.Code ?? state.FundCode(existing.FundId)),
                ("service line", existing.ServiceLineCode, keepLine), ("service line name", existing.ServiceLineName, keepLineName),
                ("closed from", OrganisationKinds.Date(existing.ClosedFrom), OrganisationKinds.Date(keepClosed)));
            if (what.Length == 0)
            {
                plan.Unchanged++;
                continue;
            }
            if (kind.Value != existing.Kind)
            {
                kindChanges.Add((row, existing, kind.Value));
            }
            (keepClosed != existing.ClosedFrom ? plan.Closes : plan.Changes).Add(new PreviewLine(row.Line, code, name!, what));
            plan.Then.Add(() =>
            {
                existing.ChangeKind(kind.Value, hasPostings: false);
                existing.Describe(name!, directorate!, keepFund?.Id ?? existing.FundId ?? state.Funds[Fund.GeneralFundCode].Id, keepHolder, keepLine, keepLineName);
                existing.CloseFrom(keepClosed);
            });
        }
        await RefuseKindChangesWithPostingsAsync(db, state.Authority.Id, kindChanges, read, ct);
    }

    private static Directorate? Directorate(OrganisationRow row, OrganisationState state, RowReader read, Dictionary<string, Directorate> added, OrganisationPlan plan, FairShareDbContext db)
    {
        if (read.Text(row, "directorate", 40, required: true) is not { } code)
        {
            return null;
        }
        if (state.Directorates.TryGetValue(code, out var known) || added.TryGetValue(code, out known))
        {
            return known;
        }
        if (read.Text(row, "directorateName", 200, required: false) is not { } name)
        {
            read.Problem(row, "directorate", "is not one of this authority's directorates: import it in a directorates file first, or give its name in the directorateName column to add it.");
            return null;
        }
        var directorate = new Directorate(state.Authority, code, name);
        added[code] = directorate;
        plan.Adds.Add(new PreviewLine(row.Line, code, name, "new directorate"));
        plan.First.Add(() => db.Directorates.Add(directorate));
        return directorate;
    }

    /// <summary>Refuses each kind change on a cost centre with postings, usage or actual costs, naming the row (asked only for the ones changing kind).</summary>
    private static async Task RefuseKindChangesWithPostingsAsync(FairShareDbContext db, int authorityId,
        List<(OrganisationRow Row, CostCentre Centre, CostCentreKind To)> changes, RowReader read, CancellationToken ct)
    {
        foreach (var chunk in changes.Chunk(500))
        {
            var ids = chunk.Select(c => c.Centre.Id).ToArray();
            var posted = (await db.Postings.AsNoTracking().Where(p => p.AuthorityId == authorityId && ids.Contains(p.CostCentreId)).Select(p => p.CostCentreId).Distinct().ToListAsync(ct))
                .Concat(await db.Usage.AsNoTracking().Where(u => u.AuthorityId == authorityId && ids.Contains(u.BuyerCostCentreId)).Select(u => u.BuyerCostCentreId).Distinct().ToListAsync(ct))
                .Concat(await db.CostActuals.AsNoTracking().Where(a => a.AuthorityId == authorityId && ids.Contains(a.CostCentreId)).Select(a => a.CostCentreId).Distinct().ToListAsync(ct))
                .ToHashSet();
            foreach (var (row, centre, to) in chunk)
            {
                if (CostCentre.KindChangeRefusal(centre.Code, centre.Kind, to, posted.Contains(centre.Id)) is { } refusal)
                {
                    read.Problem(row, "kind", refusal);
                }
            }
        }
    }
}
