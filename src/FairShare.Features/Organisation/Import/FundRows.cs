using FairShare.Domain;
using FairShare.Persistence;

namespace FairShare.Features.Organisation.Import;

/// <summary>Funds beyond the four every authority starts with (General Fund, HRA, DSG and schools, Public Health), or those renamed.</summary>
internal sealed class FundRows : IOrganisationKind
{
    public OrganisationFileKind Kind => OrganisationFileKind.Funds;

    public IReadOnlyList<OrganisationField> Fields { get; } =
    [
        new("code", true, $"the fund's code, at most {Fund.MaxCode} characters"),
        new("name", true, "its name"),
        new("ringFenced", false, "yes if its money may be spent only on its purpose (recharges into it are audited)"),
    ];

    public Task PlanAsync(FairShareDbContext db, OrganisationState state, IReadOnlyList<OrganisationRow> rows, RowReader read, OrganisationPlan plan, CancellationToken ct)
    {
        var seen = new SeenCodes(read, "code");
        foreach (var row in rows)
        {
            var before = read.Problems.Count;
            var code = read.Text(row, "code", Fund.MaxCode, required: true);
            var name = read.Text(row, "name", Fund.MaxName, required: true);
            var ringFenced = read.Flag(row, "ringFenced");
            if (code is null || !seen.First(row, code) || read.Problems.Count > before)
            {
                continue;
            }
            if (!state.Funds.TryGetValue(code, out var existing))
            {
                var fund = new Fund(state.Authority, code, name!, ringFenced);
                plan.Adds.Add(new PreviewLine(row.Line, fund.Code, fund.Name, ringFenced ? "new ring-fenced fund" : "new fund"));
                plan.First.Add(() => db.Funds.Add(fund));
                continue;
            }
            var keepRingFenced = row.Has("ringFenced") ? ringFenced : existing.RingFenced;
            var what = OrganisationPlan.Differences(("name", existing.Name, name), ("ring-fenced", existing.RingFenced ? "yes" : "no", keepRingFenced ? "yes" : "no"));
            if (what.Length == 0)
            {
                plan.Unchanged++;
                continue;
            }
            plan.Changes.Add(new PreviewLine(row.Line, existing.Code, name!, what));
            plan.First.Add(() => existing.Amend(name!, keepRingFenced));
        }
        return Task.CompletedTask;
    }
}
