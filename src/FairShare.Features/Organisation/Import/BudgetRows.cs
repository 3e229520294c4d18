using System.Globalization;
using FairShare.Domain;
using FairShare.Persistence;

namespace FairShare.Features.Organisation.Import;

/// <summary>
/// Budgets: a cost centre's total for a financial year in one version (original, revised, draft), with its
/// twelve months when the file gives them (they must sum exactly to the total) or a flat profile when it does not.
/// </summary>
internal sealed class BudgetRows : IOrganisationKind
{
    public OrganisationFileKind Kind => OrganisationFileKind.Budgets;

    private static readonly string[] MonthFields = [.. Enumerable.Range(1, BudgetProfile.Months).Select(m => $"month{m}")];

    public IReadOnlyList<OrganisationField> Fields { get; } =
    [
        new("costCentre", true, "the cost centre's code"),
        new("year", true, "the financial year: 2026 or 2026/27 for the year starting in 2026"),
        new("version", false, "original (the default), revised or draft (next year's draft)"),
        new("amount", true, "the year's budget in pounds, to the penny"),
        .. MonthFields.Select((f, i) => new OrganisationField(f, false, $"the amount for month {i + 1} of the financial year (all twelve, or none for a flat profile)")),
    ];

    public static BudgetVersion? ParseVersion(string text) =>
        text.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal) switch
        {
            "" or "ORIGINAL" or "ORIG" or "O" or "BASE" => BudgetVersion.Original,
            "REVISED" or "REV" or "R" or "LATEST" => BudgetVersion.Revised,
            "DRAFT" or "D" or "NEXTYEARSDRAFT" or "NEXTYEARDRAFT" => BudgetVersion.Draft,
            _ => null,
        };

    /// <summary>2026, 2026/27, 2026-27 or FY2026: the year's first calendar year; null if not one.</summary>
    public static int? ParseYear(string text)
    {
        var t = text.ToUpperInvariant().Replace("FY", "", StringComparison.Ordinal).Trim();
        if (t.Length >= 4 && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start is >= 2000 and <= 2100)
        {
            var rest = t[4..];
            if (rest.Length == 0)
            {
                return start;
            }
            if (rest.Length == 3 && rest[0] is '/' or '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end == (start + 1) % 100)
            {
                return start;
            }
        }
        return null;
    }

    public Task PlanAsync(FairShareDbContext db, OrganisationState state, IReadOnlyList<OrganisationRow> rows, RowReader read, OrganisationPlan plan, CancellationToken ct)
    {
        var seen = new SeenCodes(read, "costCentre");
        var months = state.Authority.YearStartMonth;
        foreach (var row in rows)
        {
            var before = read.Problems.Count;
            CostCentre? centre = null;
            if (read.Text(row, "costCentre", 40, required: true) is { } code && !state.CostCentres.TryGetValue(code, out centre))
            {
                read.Problem(row, "costCentre", "is not one of this authority's cost centres.");
            }
            int? year = null;
            if (read.Text(row, "year", 20, required: true) is { } yearText && (year = ParseYear(yearText)) is null)
            {
                read.Problem(row, "year", "is not a financial year; write 2026 or 2026/27 for the year starting in 2026.");
            }
            var version = ParseVersion(row["version"]);
            if (version is null)
            {
                read.Problem(row, "version", "is not a budget version: original, revised or draft.");
            }
            var amount = read.Pounds(row, "amount", required: true);
            if (amount < 0)
            {
                read.Problem(row, "amount", "cannot be negative: a budget is what the cost centre may spend.");
            }
            var profile = Profile(row, read, amount);
            if (centre is null || year is null || version is null || amount is null || read.Problems.Count > before
                || !seen.First(row, $"{centre.Code}|{year}|{version}"))
            {
                continue;
            }
            var fy = new FinancialYear(year.Value, months);
            var total = Money.FromPounds(amount.Value);
            var kept = profile ?? BudgetProfile.Flat(total);
            var label = $"{fy.Label} {version.Value.ToString().ToLowerInvariant()}";
            var existing = centre.BudgetFor(fy, version.Value);
            if (existing is null)
            {
                plan.Adds.Add(new PreviewLine(row.Line, centre.Code, centre.Name, $"{label} budget {total}" + (profile is null ? " (flat profile)" : "")));
            }
            else if (existing.Amount == total && existing.Profile.SequenceEqual(kept))
            {
                plan.Unchanged++;
                continue;
            }
            else
            {
                plan.Changes.Add(new PreviewLine(row.Line, centre.Code, centre.Name,
                    existing.Amount == total ? $"{label} profile changed" : $"{label} budget: {existing.Amount} → {total}"));
            }
            plan.Then.Add(() => centre.SetBudget(fy, version.Value, total, kept));
        }
        return Task.CompletedTask;
    }

    private static List<Money>? Profile(OrganisationRow row, RowReader read, decimal? amount)
    {
        var given = MonthFields.Where(f => row[f].Length > 0).ToArray();
        if (given.Length == 0)
        {
            return null;
        }
        if (given.Length < BudgetProfile.Months)
        {
            read.Problem(row, MonthFields.First(f => row[f].Length == 0), $"is blank: a monthly profile gives all {BudgetProfile.Months} months, or none for a flat one.");
            return null;
        }
        var before = read.Problems.Count;
        var months = MonthFields.Select(f => read.Pounds(row, f, required: true)).ToArray();
        if (read.Problems.Count > before || amount is null)
        {
            return null;
        }
        var sum = months.Sum(m => m!.Value);
        if (sum != amount)
        {
            read.Problem(row, "amount", $"is not what the twelve months add up to ({Money.FromPounds(sum)}); a profile sums exactly to its budget.");
            return null;
        }
        return [.. months.Select(m => Money.FromPounds(m!.Value))];
    }
}
