using FairShare.Domain;
using FairShare.Persistence;

namespace FairShare.Features.Organisation.Import;

/// <summary>Directorates: code, name, and the dates they are in force (a restructure ends one and starts another).</summary>
internal sealed class DirectorateRows : IOrganisationKind
{
    public OrganisationFileKind Kind => OrganisationFileKind.Directorates;

    public IReadOnlyList<OrganisationField> Fields { get; } =
    [
        new("code", true, "the directorate's code, at most 40 characters"),
        new("name", true, "its name"),
        new("from", false, "its first day, if it starts during the years held"),
        new("to", false, "its last day, if it has ended or will end"),
    ];

    public Task PlanAsync(FairShareDbContext db, OrganisationState state, IReadOnlyList<OrganisationRow> rows, RowReader read, OrganisationPlan plan, CancellationToken ct)
    {
        var seen = new SeenCodes(read, "code");
        foreach (var row in rows)
        {
            var before = read.Problems.Count;
            var code = read.Text(row, "code", 40, required: true);
            var name = read.Text(row, "name", 200, required: true);
            var from = read.Date(row, "from");
            var to = read.Date(row, "to");
            if (from is { } f && to is { } t && t < f)
            {
                read.Problem(row, "to", $"is before the directorate's first day ({OrganisationKinds.Date(f)}).");
            }
            if (code is null || !seen.First(row, code) || read.Problems.Count > before)
            {
                continue;
            }
            if (!state.Directorates.TryGetValue(code, out var existing))
            {
                var authority = state.Authority;
                var directorate = new Directorate(authority, code, name!);
                directorate.Amend(name!, from, to);
                state.Directorates[code] = directorate;
                plan.Adds.Add(new PreviewLine(row.Line, code, name!, "new directorate" + (to is null ? "" : $", ending {OrganisationKinds.Date(to)}")));
                plan.First.Add(() => db.Directorates.Add(directorate));
                continue;
            }
            var keepFrom = row.Has("from") ? from : existing.EffectiveFrom;
            var keepTo = row.Has("to") ? to ?? existing.EffectiveTo : existing.EffectiveTo;
            var what = OrganisationPlan.Differences(("name", existing.Name, name), ("from", OrganisationKinds.Date(existing.EffectiveFrom), OrganisationKinds.Date(keepFrom)),
                ("to", OrganisationKinds.Date(existing.EffectiveTo), OrganisationKinds.Date(keepTo)));
            if (what.Length == 0)
            {
                plan.Unchanged++;
                continue;
            }
            (keepTo != existing.EffectiveTo ? plan.Closes : plan.Changes).Add(new PreviewLine(row.Line, code, name!, what));
            plan.First.Add(() => existing.Amend(name!, keepFrom, keepTo));
        }
        return Task.CompletedTask;
    }
}
