using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Imports;
using FairShare.Features.Organisation.Import;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <summary>An organisation file to preview or apply.</summary>
/// <param name="Kind">directorates, cost-centres, budgets, subjective-codes or funds; when left out, the saved mapping's.</param>
/// <param name="FileName">Its name: .xlsx is read as an Excel workbook, anything else as CSV.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="Mapping">The name of a saved column mapping for this ledger's layout; FairShare's template when null.</param>
/// <param name="Apply">False: only say what it would add, change and close. True: do it, all or nothing.</param>
/// <param name="Encoding">How a CSV file's text is written: UTF-8 unless the user says Windows-1252. Never guessed.</param>
public sealed record ImportOrganisationRequest(string? Kind, string FileName, byte[] Content, string? Mapping = null, bool Apply = false,
    ImportEncoding Encoding = ImportEncoding.Utf8);

/// <summary>What an import adds, changes and closes (counts exact; at most <see cref="ImportOrganisation.ShownRows"/> rows of each listed), and whether it was applied.</summary>
public sealed record OrganisationPreview(string Kind, string FileName, int Rows, int Added, int Changed, int Closed, int Unchanged,
    IReadOnlyList<PreviewLine> Adds, IReadOnlyList<PreviewLine> Changes, IReadOnlyList<PreviewLine> Closes, bool Applied, string Message);

/// <summary>
/// Imports directorates, cost centres, budgets, subjective codes or funds from a ledger's CSV or Excel export,
/// read through FairShare's template or a saved column mapping: a preview first, then — asked again with
/// <c>Apply</c> — all of it in one transaction, or none of it. Every bad row is named (line, field, reason) and
/// nothing is written unless every row is good. Administrators and finance officers.
/// </summary>
public sealed class ImportOrganisation(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public const int ShownRows = 1000;

    public static IReadOnlyList<OrganisationField> FieldsOf(OrganisationFileKind kind) => OrganisationKinds.Of(kind).Fields;

    public async Task<Outcome<OrganisationPreview>> HandleAsync(ImportOrganisationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageOrganisation, "import the organisation") is { } forbidden)
        {
            return Outcome<OrganisationPreview>.Forbidden(forbidden);
        }
        var tenant = tenants.Current;
        ColumnMapping? saved = null;
        if (!string.IsNullOrWhiteSpace(request.Mapping))
        {
            var name = request.Mapping.Trim().ToLowerInvariant();
            saved = await db.ColumnMappings.AsNoTracking().FirstOrDefaultAsync(m => m.AuthorityId == tenant.AuthorityId && m.Name == name, cancellationToken);
            if (saved is null)
            {
                return Outcome<OrganisationPreview>.Invalid("mapping", $"There is no column mapping '{Inputs.Parse.Shown(request.Mapping)}'; save one first.");
            }
        }
        // A saved mapping knows the kind of file it reads; without one, the kind is said.
        var parsedKind = Inputs.Parse.Word<OrganisationFileKind>(string.IsNullOrWhiteSpace(request.Kind) ? saved?.Kind : request.Kind, "kind");
        if (!parsedKind.IsSuccess)
        {
            return Outcome<OrganisationPreview>.Invalid(parsedKind.Errors);
        }
        if (!Enum.IsDefined(request.Encoding))
        {
            return Outcome<OrganisationPreview>.Invalid("encoding", "Choose UTF-8 or Windows-1252.");
        }
        var kind = OrganisationKinds.Of(parsedKind.Value);
        Dictionary<string, string>? mapping = null;
        string? dateFormat = null;
        if (saved is not null)
        {
            if (saved.Kind != parsedKind.Value.ToSlug())
            {
                return Outcome<OrganisationPreview>.Invalid("mapping", $"The mapping '{saved.Name}' reads {saved.Kind} files, not {parsedKind.Value.ToSlug()}.");
            }
            (mapping, var problem) = OrganisationFile.ParseMapping(saved.Columns, kind.Fields);
            if (mapping is null)
            {
                return Outcome<OrganisationPreview>.Invalid("mapping", problem!);
            }
            dateFormat = saved.DateFormat;
        }

        var (file, fileProblem) = TabularFile.Open(request.FileName, request.Content, request.Encoding);
        if (file is null)
        {
            return Outcome<OrganisationPreview>.Invalid("file", fileProblem!);
        }
        var (rows, problems) = OrganisationFile.Read(file, kind.Fields, mapping);
        if (problems.Count > 0)
        {
            return Rejected(problems);
        }
        var state = await OrganisationState.LoadAsync(db, tenant.AuthorityId, parsedKind.Value, cancellationToken);
        var plan = new OrganisationPlan();
        var read = new RowReader(problems, dateFormat);
        await kind.PlanAsync(db, state, rows, read, plan, cancellationToken);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Rejected(problems);
        }
        var fileName = Path.GetFileName(request.FileName);
        var slug = parsedKind.Value.ToSlug();
        if (!request.Apply)
        {
            db.ChangeTracker.Clear();
            return Preview(slug, fileName, rows.Count, plan, applied: false,
                $"{fileName} would add {plan.Adds.Count}, change {plan.Changes.Count} and close {plan.Closes.Count} ({plan.Unchanged} unchanged). Nothing has been changed yet.");
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await plan.ApplyAsync(db, state, cancellationToken);
            audit.Record("organisation.import", "OrganisationImport", slug, null,
                new { Kind = slug, FileName = fileName, Mapping = request.Mapping, Rows = rows.Count, Added = plan.Adds.Count, Changed = plan.Changes.Count, Closed = plan.Closes.Count });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            return Outcome<OrganisationPreview>.Invalid("file", "Someone else changed the organisation at the same moment (a code was added twice); nothing was imported. Preview the file again.");
        }
        db.ChangeTracker.Clear();
        return Preview(slug, fileName, rows.Count, plan, applied: true,
            $"Imported {fileName}: added {plan.Adds.Count}, changed {plan.Changes.Count} and closed {plan.Closes.Count} ({plan.Unchanged} unchanged).");
    }

    private static OrganisationPreview Preview(string kind, string fileName, int rows, OrganisationPlan plan, bool applied, string message) =>
        new(kind, fileName, rows, plan.Adds.Count, plan.Changes.Count, plan.Closes.Count, plan.Unchanged,
            [.. plan.Adds.Take(ShownRows)], [.. plan.Changes.Take(ShownRows)], [.. plan.Closes.Take(ShownRows)], applied, message);

    private static Outcome<OrganisationPreview> Rejected(List<ImportProblem> problems)
    {
        var kept = new ImportProblems();
        kept.AddRange(problems.OrderBy(p => p.Line));
        return Outcome<OrganisationPreview>.Invalid([.. kept.Report().Select(ImportFile.Error)]);
    }
}
