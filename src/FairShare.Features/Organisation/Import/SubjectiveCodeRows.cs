using FairShare.Domain;
using FairShare.Persistence;

namespace FairShare.Features.Organisation.Import;

/// <summary>The council's subjective codes (its ledger's account codes), each mapped to one of FairShare's account categories.</summary>
internal sealed class SubjectiveCodeRows : IOrganisationKind
{
    public OrganisationFileKind Kind => OrganisationFileKind.SubjectiveCodes;

    public IReadOnlyList<OrganisationField> Fields { get; } =
    [
        new("code", true, $"the ledger's account code, at most {SubjectiveCode.MaxCode} characters"),
        new("name", true, "its name in the ledger"),
        new("category", true, "FairShare's account it maps to, by code or name: " + string.Join(", ", SubjectiveCode.Categories.Select(a => $"{a.Code} {a.Name}"))),
    ];

    public Task PlanAsync(FairShareDbContext db, OrganisationState state, IReadOnlyList<OrganisationRow> rows, RowReader read, OrganisationPlan plan, CancellationToken ct)
    {
        var seen = new SeenCodes(read, "code");
        var categories = string.Join(", ", SubjectiveCode.Categories.Select(a => $"{a.Code} {a.Name}"));
        foreach (var row in rows)
        {
            var before = read.Problems.Count;
            var code = read.Text(row, "code", SubjectiveCode.MaxCode, required: true);
            var name = read.Text(row, "name", SubjectiveCode.MaxName, required: true);
            var category = read.Text(row, "category", 60, required: true) is { } text ? SubjectiveCode.FindCategory(text) : null;
            if (category is null && row["category"].Length > 0)
            {
                read.Problem(row, "category", $"is not one of FairShare's account categories: {categories}.");
            }
            if (code is null || !seen.First(row, code) || read.Problems.Count > before)
            {
                continue;
            }
            if (!state.SubjectiveCodes.TryGetValue(code, out var existing))
            {
                plan.Adds.Add(new PreviewLine(row.Line, code, name!, $"maps to {category}"));
                plan.First.Add(() => db.SubjectiveCodes.Add(new SubjectiveCode(state.Authority, code, name!, category!)));
                continue;
            }
            var what = OrganisationPlan.Differences(("name", existing.Name, name), ("category", existing.CategoryCode, category!.Code));
            if (what.Length == 0)
            {
                plan.Unchanged++;
                continue;
            }
            plan.Changes.Add(new PreviewLine(row.Line, code, name!, what));
            plan.First.Add(() => existing.Amend(name!, category!));
        }
        return Task.CompletedTask;
    }
}
