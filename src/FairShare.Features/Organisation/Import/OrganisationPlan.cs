using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Imports;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation.Import;

/// <summary>One row of a preview: its line, code and name, and what changes ("name: Legal → Legal Services").</summary>
public sealed record PreviewLine(int Line, string Code, string Name, string What);

/// <summary>The authority's organisation as stored, tracked, for an import to compare rows with and then change.</summary>
internal sealed class OrganisationState
{
    public required Authority Authority { get; init; }
    public required Dictionary<string, Directorate> Directorates { get; init; }
    public required Dictionary<string, CostCentre> CostCentres { get; init; }
    public required Dictionary<string, Fund> Funds { get; init; }

    /// <summary>The standard funds, when the authority has none yet: added by the first import that is applied.</summary>
    public required List<Fund> UnsavedFunds { get; init; }
    public required Dictionary<string, SubjectiveCode> SubjectiveCodes { get; init; }
    public required Dictionary<string, int> Users { get; init; }
    public required Dictionary<int, string> UserEmails { get; init; }

    public static async Task<OrganisationState> LoadAsync(FairShareDbContext db, int authorityId, OrganisationFileKind kind, CancellationToken ct)
    {
        var authority = await db.Authorities.SingleAsync(a => a.Id == authorityId, ct);
        var directorates = await db.Directorates.Where(d => d.AuthorityId == authorityId).ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, ct);
        var centresQuery = db.CostCentres.Where(c => c.AuthorityId == authorityId);
        if (kind == OrganisationFileKind.Budgets)
        {
            centresQuery = centresQuery.Include(c => c.Budgets);
        }
        var centres = kind is OrganisationFileKind.CostCentres or OrganisationFileKind.Budgets
            ? await centresQuery.ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, ct)
            : new Dictionary<string, CostCentre>(StringComparer.OrdinalIgnoreCase);
        var funds = await db.Funds.Where(f => f.AuthorityId == authorityId).ToDictionaryAsync(f => f.Code, StringComparer.OrdinalIgnoreCase, ct);
        var unsaved = new List<Fund>();
        if (funds.Count == 0)
        {
            unsaved.AddRange(Fund.Standard.Select(f => new Fund(authority, f.Code, f.Name, f.RingFenced)));
            foreach (var fund in unsaved)
            {
                funds[fund.Code] = fund;
            }
        }
        var codes = kind == OrganisationFileKind.SubjectiveCodes
            ? await db.SubjectiveCodes.Where(s => s.AuthorityId == authorityId).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct)
            : new Dictionary<string, SubjectiveCode>(StringComparer.OrdinalIgnoreCase);
        var users = kind == OrganisationFileKind.CostCentres
            ? await db.UserAccounts.AsNoTracking().Where(u => u.AuthorityId == authorityId).Select(u => new { u.Id, u.NormalizedEmail, u.Email }).ToListAsync(ct)
            : [];
        return new OrganisationState
        {
            Authority = authority,
            Directorates = directorates,
            CostCentres = centres,
            Funds = funds,
            UnsavedFunds = unsaved,
            SubjectiveCodes = codes,
            Users = users.ToDictionary(u => u.NormalizedEmail, u => u.Id, StringComparer.Ordinal),
            UserEmails = users.ToDictionary(u => u.Id, u => u.Email),
        };
    }

    public int? UserId(string email) => Users.TryGetValue(UserAccount.Normalise(email), out var id) ? id : null;

    public string FundCode(int? fundId) => Funds.Values.FirstOrDefault(f => f.Id == fundId && fundId != null)?.Code ?? Fund.GeneralFundCode;
}

/// <summary>
/// What an import would do — adds, changes and closes, each with its rows — and the steps that do it. Planning
/// changes nothing; <see cref="ApplyAsync"/> runs the steps in two stages (directorates and funds first, so that
/// cost centres can name the new ones), inside the caller's transaction.
/// </summary>
internal sealed class OrganisationPlan
{
    public List<PreviewLine> Adds { get; } = [];
    public List<PreviewLine> Changes { get; } = [];
    public List<PreviewLine> Closes { get; } = [];
    public int Unchanged { get; set; }
    public List<Action> First { get; } = [];
    public List<Action> Then { get; } = [];

    public async Task ApplyAsync(FairShareDbContext db, OrganisationState state, CancellationToken ct)
    {
        // Thousands of rows: changes are detected once per stage, not once per entity added.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Funds.AddRange(state.UnsavedFunds);
            First.ForEach(step => step());
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            Then.ForEach(step => step());
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>"name: A → B; kind: frontline → support", the differences between stored and given values.</summary>
    public static string Differences(params (string Field, string? Was, string? Now)[] fields) =>
        string.Join("; ", fields.Where(f => !string.Equals(f.Was ?? "", f.Now ?? "", StringComparison.Ordinal))
            .Select(f => $"{f.Field}: {(string.IsNullOrEmpty(f.Was) ? "none" : f.Was)} → {(string.IsNullOrEmpty(f.Now) ? "none" : f.Now)}"));
}

/// <summary>One kind of organisation file: its template's fields and how its rows become a plan.</summary>
internal interface IOrganisationKind
{
    OrganisationFileKind Kind { get; }
    IReadOnlyList<OrganisationField> Fields { get; }
    Task PlanAsync(FairShareDbContext db, OrganisationState state, IReadOnlyList<OrganisationRow> rows, RowReader read, OrganisationPlan plan, CancellationToken ct);
}

/// <summary>Codes seen in a file so far: a code on a second line is a problem there.</summary>
internal sealed class SeenCodes(RowReader read, string field)
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    public bool First(OrganisationRow row, string key)
    {
        if (_lines.TryAdd(key, row.Line))
        {
            return true;
        }
        read.Problem(row, field, $"is already on line {_lines[key]} of this file; a file names each once.");
        return false;
    }
}

internal static class OrganisationKinds
{
    public static IReadOnlyList<IOrganisationKind> All { get; } =
        [new DirectorateRows(), new CostCentreRows(), new BudgetRows(), new SubjectiveCodeRows(), new FundRows()];

    public static IOrganisationKind Of(OrganisationFileKind kind) => All.Single(k => k.Kind == kind);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static void Problem(this List<ImportProblem> problems, int line, string field, string value, string reason) =>
        problems.Add(new ImportProblem(line, field, value, reason));
}
