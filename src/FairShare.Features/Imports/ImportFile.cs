using System.Globalization;
using System.Security.Cryptography;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <summary>A file to import.</summary>
/// <param name="Kind">What the file holds.</param>
/// <param name="FileName">Its name: .xlsx is read as an Excel workbook, anything else as CSV.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="ExpectTotal">The control total the sender expects (the sum of the quantity, value or amount column), checked if given.</param>
/// <param name="Encoding">How a CSV file's text is written: UTF-8 unless the user says Windows-1252. Never guessed.</param>
public sealed record ImportRequest(ImportKind Kind, string FileName, byte[] Content, decimal? ExpectTotal = null, ImportEncoding Encoding = ImportEncoding.Utf8);

/// <summary>One thing wrong with one row: its line in the file, the column, the value and why.</summary>
public sealed record ImportProblem(int Line, string Column, string Value, string Reason)
{
    public override string ToString() => Line == 0 ? Reason : Column == RowColumn ? $"line {Line}: {Reason}" : $"line {Line}, {Column} '{Value}': {Reason}";

    /// <summary>The column of a problem with a row as a whole (a quote not closed, the wrong number of fields).</summary>
    public const string RowColumn = "row";
}

public sealed record ImportResult(int BatchId, int Rows, decimal Total, string Message);

/// <summary>The file was refused as a whole; nothing was imported. Every problem is listed. (Caught by <see cref="ImportFile.HandleAsync"/>: it never leaves the use case.)</summary>
internal sealed class ImportRejectedException(IReadOnlyList<ImportProblem> problems)
    : Exception($"Nothing was imported: {Domain.Text.English.Count(problems.Count, "problem")}.")
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>
/// Imports usage and time records, driver values, actual costs or provider costs from a CSV or Excel file, all or
/// nothing: any bad row means nothing is imported, and every bad row is counted (the first
/// <see cref="ImportProblems.Kept"/> reported with line, column, value and reason). Each kind is its column rules
/// (<see cref="ImportKinds"/>) over the shared reader (<see cref="TabularFile"/>). Content held already is refused by
/// its business key; the same file twice is refused by its hash, with when and by whom — unless the first was withdrawn
/// (<see cref="WithdrawImport"/>), when it may come in again.
/// </summary>
public sealed class ImportFile(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) => ImportKinds.Of(kind).Header;

    /// <summary>Each column of a kind of file and its rule in words (types, limits, bounds), for the page, the help and the CLI.</summary>
    public static IReadOnlyList<ColumnRule> RulesOf(ImportKind kind) => ImportKinds.Of(kind).ColumnRules;

    /// <summary>What a kind of file holds, in a sentence for the CLI's help and the import page.</summary>
    public static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.Usage => "Usage and time records.",
        ImportKind.Drivers => "Driver values per cost centre and period (FTE, pupils, m²…).",
        ImportKind.Attributions => "Direct attributions: a support service's cost that belongs to one buyer, charged to it as it is.",
        ImportKind.Apportionments => "Apportionments: a support service's cost spread over every cost centre by a driver's values in the period.",
        _ => "Actual costs per cost centre, subjective account and period, from the general ledger.",
    };

    /// <summary>The subjective accounts a general ledger reports actuals on: expenditure and external income.</summary>
    public static IReadOnlyList<string> ImportableAccounts => CostImport.ImportableAccounts;

    /// <summary>
    /// Imports the file, or says why not: forbidden (decided before anything is read or written), or invalid
    /// with every bad row (field "line N, column"); nothing is written unless every row is good.
    /// </summary>
    public async Task<Outcome<ImportResult>> HandleAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Kind))
        {
            return Outcome<ImportResult>.Invalid("kind", $"'{request.Kind}' is not one of {string.Join(", ", Slugs.All<ImportKind>())}.");
        }
        if (!Enum.IsDefined(request.Encoding))
        {
            return Outcome<ImportResult>.Invalid("encoding", "Choose UTF-8 or Windows-1252.");
        }
        if (tenants.Refusal(request.Kind == ImportKind.Usage ? Permission.ImportUsage : Permission.ImportLedgerData,
            $"import {request.Kind.ToString().ToLowerInvariant()}") is { } forbidden)
        {
            return Outcome<ImportResult>.Forbidden(forbidden);
        }
        try
        {
            return await ImportAsync(request, cancellationToken);
        }
        catch (ImportRejectedException e)
        {
            return Outcome<ImportResult>.Invalid([.. e.Problems.Select(Error)]);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The unique index on the file's hash: the same file was being imported at the same moment, and won.
            db.ChangeTracker.Clear();
            return Outcome<ImportResult>.Invalid("file", "The same file was being imported at the same moment by another request, which has imported it; nothing was imported again.");
        }
    }

    /// <summary>A bad row as a field error: the field is the line and column, the message the value and the reason.</summary>
    public static DomainError Error(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Line == 0 ? new DomainError("file", problem.Reason)
            : problem.Column == ImportProblem.RowColumn ? new DomainError($"line {problem.Line}", problem.Reason)
            : new DomainError($"line {problem.Line}, {problem.Column}", $"'{Inputs.Parse.Shown(problem.Value)}': {problem.Reason}");
    }

    private static ImportRejectedException Rejected(string reason) => new([new ImportProblem(0, "", "", reason)]);

    private async Task<Outcome<ImportResult>> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var tenant = tenants.Current;
        var kind = ImportKinds.Of(request.Kind);
        var (file, problem) = TabularFile.Open(request.FileName, request.Content, request.Encoding);
        if (file is null)
        {
            throw Rejected(problem!);
        }
        // The file's hash is worked out while this authority's codes load.
        var hashing = Task.Run(() => Convert.ToHexStringLower(SHA256.HashData(request.Content)), cancellationToken);
        if (!file.Header.SequenceEqual(kind.Header, StringComparer.OrdinalIgnoreCase))
        {
            throw new ImportRejectedException([new ImportProblem(1, "header", string.Join(",", file.Header),
                $"the columns must be exactly {string.Join(",", kind.Header)}.")]);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var context = await ImportContext.LoadAsync(db, tenant.AuthorityId, tenant.YearStartMonth, tenants.Actor, today, cancellationToken);
        var hash = await hashing;
        if (await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.AuthorityId == tenant.AuthorityId && b.Kind == request.Kind && b.ContentHash == hash && b.WithdrawnAt == null, cancellationToken) is { } earlier)
        {
            throw Rejected($"This file was already imported on {earlier.At.UtcDateTime:yyyy-MM-dd HH:mm} as import {earlier.Id} ({Domain.Text.English.Count(earlier.Rows, "row")}) by {earlier.ImportedBy}; nothing was imported again.");
        }

        var batch = new ImportBatch(tenant.AuthorityId, request.Kind, Path.GetFileName(request.FileName), hash, 0, 0m, tenants.Actor.Name, clock.GetUtcNow());
        // All or nothing: the rows are written as they are checked, in one transaction that commits only if every row was good.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var problems = new ImportProblems();
        var run = new ImportRun(db, file, () => TabularFile.Open(request.FileName, request.Content, request.Encoding).File!, context, batch.Id, problems);
        var written = await kind.WriteAsync(run, cancellationToken);
        if (written.Rows == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(0, "", "", "The file has a header but no rows."));
        }
        if (request.ExpectTotal is { } expectedTotal && problems.Count == 0 && expectedTotal != written.Total)
        {
            problems.Add(new ImportProblem(0, "", "", $"The control total is {written.Total.ToString(CultureInfo.InvariantCulture)}, not the {expectedTotal.ToString(CultureInfo.InvariantCulture)} expected."));
        }
        if (problems.Count > 0 || written.SomeImportedBefore)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (written.RecordLines is { } lines)
            {
                // Looked up after the rollback, so that only records of earlier imports count.
                problems.AddRange(await ImportedBeforeAsync(tenant.AuthorityId, lines, cancellationToken));
            }
            if (problems.Count == 0)
            {
                // The database refused a record id that neither this file repeats nor an earlier import holds: another
                // import was writing it at the same moment, and rolled back or has not committed yet.
                problems.Add(new ImportProblem(0, "", "", "Another import was writing some of these record ids at the same moment; nothing was imported. Try again once it has finished."));
            }
            throw new ImportRejectedException(problems.Report());
        }

        batch.Complete(written.Rows, written.Total);
        audit.Record($"import.{request.Kind.ToString().ToLowerInvariant()}", nameof(ImportBatch), batch.Id, null,
            new { batch.FileName, batch.Rows, batch.Total });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportResult(batch.Id, batch.Rows, batch.Total,
            $"Imported {batch.Rows} {request.Kind.ToString().ToLowerInvariant()} rows from {batch.FileName} as import {batch.Id} (control total {batch.Total.ToString(CultureInfo.InvariantCulture)}).");
    }

    private const string ImportedBefore = "was imported before; a record is counted once.";

    private async Task<List<ImportProblem>> ImportedBeforeAsync(int authorityId, Dictionary<string, int> lines, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        foreach (var chunk in lines.Keys.Chunk(1000))
        {
            var existing = await db.Usage.AsNoTracking().Where(u => u.AuthorityId == authorityId && chunk.Contains(u.RecordId)).Select(u => u.RecordId).ToListAsync(cancellationToken);
            problems.AddRange(existing.Select(id => new ImportProblem(lines[id], "recordId", id, ImportedBefore)));
        }
        return [.. problems.OrderBy(p => p.Line)];
    }
}
