using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

public sealed record ImportRequest(ImportKind Kind, string FileName, byte[] Content, decimal? ExpectTotal = null);

/// <summary>One thing wrong with one row: its line in the file, the column, the value and why.</summary>
public sealed record ImportProblem(int Line, string Column, string Value, string Reason)
{
    public override string ToString() => Line == 0 ? Reason : $"line {Line}, {Column} '{Value}': {Reason}";
}

public sealed record ImportResult(int BatchId, int Rows, decimal Total, string Message);

/// <summary>The file was refused as a whole; nothing was imported. Every problem is listed. (Caught by <see cref="ImportFile.HandleAsync"/>: it never leaves the use case.)</summary>
internal sealed class ImportRejectedException(IReadOnlyList<ImportProblem> problems)
    : Exception($"Nothing was imported: {Domain.Text.English.Count(problems.Count, "problem")}.")
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>
/// Imports usage and time records, driver values or actual costs from a CSV or Excel file, all or nothing:
/// any bad row means nothing is imported and every bad row is reported. The same file twice is refused.
/// </summary>
public sealed class ImportFile(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) => kind switch
    {
        ImportKind.Usage => ["recordId", "date", "buyer", "offering", "quantity", "jobReference", "recordedBy"],
        ImportKind.Drivers => ["period", "costCentre", "driver", "value"],
        ImportKind.Attributions => ["period", "provider", "buyer", "amount", "description"],
        ImportKind.Apportionments => ["period", "provider", "driver", "amount", "description"],
        _ => ["period", "costCentre", "account", "amount"],
    };

    /// <summary>What a kind of file holds, in a sentence for the CLI's help and the import page.</summary>
    public static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.Usage => "Usage and time records.",
        ImportKind.Drivers => "Driver values per cost centre and period (FTE, pupils, m²…).",
        ImportKind.Attributions => "Direct attributions: a support service's cost that belongs to one buyer, charged to it as it is.",
        ImportKind.Apportionments => "Apportionments: a support service's cost spread over every cost centre by a driver's values in the period.",
        _ => "Actual costs per cost centre, subjective account and period, from the general ledger.",
    };

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
    }

    /// <summary>A bad row as a field error: the field is the line and column, the message the value and the reason.</summary>
    public static DomainError Error(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Line == 0
            ? new DomainError("file", problem.Reason)
            : new DomainError($"line {problem.Line}, {problem.Column}", $"'{Inputs.Parse.Shown(problem.Value)}': {problem.Reason}");
    }

    private async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var tenant = tenants.Current;
        // The file's hash is worked out while this authority's codes load.
        var hashing = Task.Run(() => Convert.ToHexStringLower(SHA256.HashData(request.Content)), cancellationToken);
        var file = TabularFile.Open(request.FileName, request.Content);
        var expected = ColumnsOf(request.Kind);
        if (!file.Header.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
        {
            throw new ImportRejectedException([new ImportProblem(1, "header", string.Join(",", file.Header),
                $"the columns must be exactly {string.Join(",", expected)}.")]);
        }

        var context = await ImportContext.LoadAsync(db, tenant.AuthorityId, tenant.YearStartMonth, tenants.Actor, cancellationToken);
        var hash = await hashing;
        if (await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.AuthorityId == tenant.AuthorityId && b.Kind == request.Kind && b.ContentHash == hash, cancellationToken) is { } earlier)
        {
            throw new ImportRejectedException([new ImportProblem(0, "", "",
                $"This file was already imported on {earlier.At.UtcDateTime:yyyy-MM-dd HH:mm} as import {earlier.Id} ({Domain.Text.English.Count(earlier.Rows, "row")}) by {earlier.ImportedBy}; nothing was imported again.")]);
        }

        var batch = new ImportBatch(tenant.AuthorityId, request.Kind, Path.GetFileName(request.FileName), hash, 0, 0m, tenants.Actor.Name, clock.GetUtcNow());
        // All or nothing: the rows are written as they are checked, in one transaction that commits only if every row was good.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var written = request.Kind == ImportKind.Usage
            ? await WriteUsageAsync(file, request, context, batch.Id, cancellationToken)
            : await WriteAsync(request.Kind, file, context, batch.Id, cancellationToken);
        var problems = written.Problems;
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
            throw new ImportRejectedException([.. problems.OrderBy(p => p.Line)]);
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

    /// <summary>
    /// What writing a file's rows came to: how many, their control total and every bad row. For usage, also each
    /// record id's line, and whether the database turned some away as imported before (then they are looked up,
    /// after the rollback).
    /// </summary>
    private sealed record Written(int Rows, decimal Total, List<ImportProblem> Problems,
        Dictionary<string, int>? RecordLines = null, bool SomeImportedBefore = false);

    /// <summary>
    /// Parsed rows of a small file (drivers, costs, provider costs), written once they are all good and none
    /// is already in the database (<paramref name="AlreadyThere"/> finds those, naming the earlier import).
    /// </summary>
    private sealed record ParsedRows(int Rows, decimal Total, Func<int, CancellationToken, Task> Write,
        Func<CancellationToken, Task<List<ImportProblem>>>? AlreadyThere = null);

    private async Task<Written> WriteAsync(ImportKind kind, TabularFile file, ImportContext context, int batchId, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var parsed = kind switch
        {
            ImportKind.Drivers => ParseDrivers(file, context, problems),
            ImportKind.Attributions or ImportKind.Apportionments => ParseProviderCosts(file, context, kind, problems),
            _ => ParseCosts(file, context, problems),
        };
        if (problems.Count == 0 && parsed.AlreadyThere is { } alreadyThere)
        {
            problems.AddRange(await alreadyThere(cancellationToken));
        }
        if (problems.Count == 0)
        {
            await parsed.Write(batchId, cancellationToken);
        }
        return new Written(parsed.Rows, parsed.Total, problems);
    }

    /// <summary>
    /// Usage files are the large ones (a million rows): they are read row by row, checked, and written in bulk
    /// chunks while the next rows are read (on PostgreSQL the server writes one chunk as this reads the next). The
    /// unique index on (authority, record id) finds a record id seen twice, in this file or in an earlier import, as
    /// it is written: a good file keeps no table of its million ids. The first bad row stops the writing; the rest are
    /// still checked, so that every bad row is reported, and the caller rolls back. Only then is the file read again
    /// for its ids, to name every repeated one and, after the rollback, every one imported before.
    /// The methods each row goes through are compiled optimised at once (AggressiveOptimization): in a process that
    /// has just started, the runtime optimises hot methods only after thousands of start-up ones, and the first
    /// million-row import ran its row checks unoptimised almost to the end (seen in the JIT's log).
    /// </summary>
    private async Task<Written> WriteUsageAsync(TabularFile file, ImportRequest request, ImportContext context, int batchId, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var writer = new BulkUsage.Writer(db, context.AuthorityId, context.YearStartMonth);
        var rows = 0;
        var total = 0m;
        var recordedBy = "";
        try
        {
            foreach (var (line, cells) in file.Rows)
            {
                rows++;
                if (ParseUsage(line, cells, context, problems) is { } u)
                {
                    total += u.Quantity;
                    // One string for a recorder's many rows: a million rows kept until written are a million fewer objects.
                    recordedBy = string.Equals(u.By, recordedBy, StringComparison.Ordinal) ? recordedBy : u.By;
                    if (problems.Count == 0)
                    {
                        await writer.AddAsync(new RecordedUsage(context.AuthorityId, batchId, u.Id, u.Date, u.Buyer, u.Offering, u.Quantity, u.Job, recordedBy), cancellationToken);
                    }
                }
            }
        }
        catch
        {
            // Let the chunk being written finish before the transaction rolls back under it.
            await writer.AbandonAsync().ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        if (problems.Count > 0)
        {
            await writer.AbandonAsync();
        }
        var allNew = problems.Count > 0 || await writer.CompleteAsync(cancellationToken);
        if (problems.Count == 0 && allNew)
        {
            return new Written(rows, total, problems);
        }
        var lines = RecordLines(TabularFile.Open(request.FileName, request.Content), problems);
        return new Written(rows, total, problems, lines, SomeImportedBefore: !allNew);
    }

    /// <summary>Each record id's first line in the file; an id on a later line too is a problem there.</summary>
    private static Dictionary<string, int> RecordLines(TabularFile file, List<ImportProblem> problems)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in file.Rows)
        {
            var id = Cell(cells, 0);
            if (id.Length > 0 && !lines.TryAdd(id, line))
            {
                problems.Add(new ImportProblem(line, "recordId", id, $"is already on line {lines[id]} of this file."));
            }
        }
        return lines;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string Id, DateOnly Date, int Buyer, int Offering, decimal Quantity, string Job, string By)? ParseUsage(
        int line, string[] cells, ImportContext context, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var id = Cell(cells, 0);
        if (id.Length == 0)
        {
            problems.Add(new ImportProblem(line, "recordId", id, "is required."));
        }
        var date = ImportContext.Date(line, "date", Cell(cells, 1), problems);
        var buyer = context.CostCentre(line, "buyer", Cell(cells, 2), problems);
        var offering = context.Offering(line, "offering", Cell(cells, 3), problems);
        var quantity = Number(line, "quantity", Cell(cells, 4), problems);
        if (offering is { ProviderCostCentreId: null })
        {
            problems.Add(new ImportProblem(line, "offering", Cell(cells, 3), "is an external supplier's offering: it is bought through procurement and invoiced by the supplier, not recharged, so its usage is not imported here."));
        }
        else if (offering is { } o && !context.MayRecordUsageOf(o))
        {
            problems.Add(new ImportProblem(line, "offering", Cell(cells, 3), $"is provided by another service than yours; {TenantContext.Describe(context.Actor)} records usage of their own service only."));
        }
        if (date is { } d)
        {
            context.CheckOpen(line, "date", Cell(cells, 1), AccountingPeriod.Containing(d, context.YearStartMonth), problems);
        }
        return problems.Count == before
            ? (id, date!.Value, buyer!.Value, offering!.Id, quantity!.Value, Cell(cells, 5), Cell(cells, 6))
            : null;
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

    private ParsedRows ParseDrivers(TabularFile file, ImportContext context, List<ImportProblem> problems)
    {
        var parsed = new List<DriverValue>();
        var lines = new List<(int Line, string Driver)>();
        var seen = new Dictionary<(AccountingPeriod, int, string), int>();
        var total = 0m;
        foreach (var (line, cells) in file.Rows)
        {
            var before = problems.Count;
            var period = context.Period(line, "period", Cell(cells, 0), problems);
            var centre = context.CostCentre(line, "costCentre", Cell(cells, 1), problems);
            var driver = Cell(cells, 2);
            if (driver.Length == 0)
            {
                problems.Add(new ImportProblem(line, "driver", driver, "is required (pupil, FTE, device, m²…)."));
            }
            var value = Number(line, "value", Cell(cells, 3), problems);
            if (period is { } p)
            {
                context.CheckOpen(line, "period", Cell(cells, 0), p, problems);
            }
            if (problems.Count == before)
            {
                var key = (period!.Value, centre!.Value, driver.ToLowerInvariant());
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new ImportProblem(line, "driver", driver, $"has a value for this cost centre and period already, on line {first}."));
                    continue;
                }
                seen[key] = line;
                parsed.Add(new DriverValue(context.AuthorityId, 0, period.Value, centre.Value, driver, value!.Value));
                lines.Add((line, driver));
                total += value.Value;
            }
        }
        return new ParsedRows(parsed.Count, total, async (batch, ct) =>
        {
            db.DriverValues.AddRange(parsed.Select(d =>
                new DriverValue(d.AuthorityId, batch, new FinancialYear(d.FinancialYearStart, context.YearStartMonth).Period(d.PeriodNumber), d.CostCentreId, d.Driver, d.Value)));
            await db.SaveChangesAsync(ct);
        }, async ct =>
        {
            var problems = new List<ImportProblem>();
            foreach (var period in parsed.Select(d => (d.FinancialYearStart, d.PeriodNumber)).Distinct())
            {
                var existing = (await db.DriverValues.AsNoTracking()
                        .Where(d => d.AuthorityId == context.AuthorityId && d.FinancialYearStart == period.FinancialYearStart && d.PeriodNumber == period.PeriodNumber)
                        .Select(d => new { d.CostCentreId, d.Driver, d.ImportBatchId }).ToListAsync(ct))
                    .ToLookup(d => (d.CostCentreId, d.Driver.ToLowerInvariant()));
                for (var i = 0; i < parsed.Count; i++)
                {
                    var d = parsed[i];
                    if ((d.FinancialYearStart, d.PeriodNumber) == period && existing[(d.CostCentreId, d.Driver.ToLowerInvariant())].FirstOrDefault() is { } earlier)
                    {
                        problems.Add(new ImportProblem(lines[i].Line, "driver", lines[i].Driver,
                            $"has a value for this cost centre and period already, from import {earlier.ImportBatchId}; a value is imported once."));
                    }
                }
            }
            return problems;
        });
    }

    private ParsedRows ParseCosts(TabularFile file, ImportContext context, List<ImportProblem> problems)
    {
        var parsed = new List<(AccountingPeriod Period, int CostCentre, string Account, Money Amount, int Line)>();
        var seen = new Dictionary<(AccountingPeriod, int, string), int>();
        var total = 0m;
        foreach (var (line, cells) in file.Rows)
        {
            var before = problems.Count;
            var period = context.Period(line, "period", Cell(cells, 0), problems);
            var centre = context.CostCentre(line, "costCentre", Cell(cells, 1), problems);
            var accountCode = Cell(cells, 2);
            var account = ChartOfAccounts.Find(accountCode);
            if (account is null || !ImportableAccounts.Contains(account.Code))
            {
                problems.Add(new ImportProblem(line, "account", accountCode,
                    $"is not an account the general ledger reports; use one of {string.Join(", ", ImportableAccounts)}."));
            }
            var amount = Number(line, "amount", Cell(cells, 3), problems, allowNegative: true);
            if (amount is { } a && !Money.IsWholePence(a))
            {
                problems.Add(new ImportProblem(line, "amount", Cell(cells, 3), "is not a whole number of pence."));
            }
            if (period is { } p)
            {
                context.CheckOpen(line, "period", Cell(cells, 0), p, problems);
            }
            if (problems.Count == before)
            {
                var key = (period!.Value, centre!.Value, account!.Code);
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new ImportProblem(line, "account", accountCode, $"has an amount for this cost centre and period already, on line {first}."));
                    continue;
                }
                seen[key] = line;
                parsed.Add((period.Value, centre.Value, account.Code, Money.FromPounds(amount!.Value), line));
                total += amount.Value;
            }
        }
        return new ParsedRows(parsed.Count, total, async (batch, ct) =>
        {
            db.CostActuals.AddRange(parsed.Select(c => new CostActual(context.AuthorityId, batch, c.Period, c.CostCentre, c.Account, c.Amount)));
            await db.SaveChangesAsync(ct);
        }, async ct =>
        {
            var problems = new List<ImportProblem>();
            foreach (var period in parsed.Select(c => c.Period).Distinct())
            {
                var existing = (await db.CostActuals.AsNoTracking()
                        .Where(c => c.AuthorityId == context.AuthorityId && c.FinancialYearStart == period.Year.StartYear && c.PeriodNumber == period.Number)
                        .Select(c => new { c.CostCentreId, c.Account, c.ImportBatchId }).ToListAsync(ct))
                    .ToLookup(c => (c.CostCentreId, c.Account));
                foreach (var c in parsed.Where(c => c.Period == period))
                {
                    if (existing[(c.CostCentre, c.Account)].FirstOrDefault() is { } earlier)
                    {
                        problems.Add(new ImportProblem(c.Line, "account", c.Account,
                            $"has an amount for this cost centre and period already, from import {earlier.ImportBatchId}; the ledger's amount is imported once."));
                    }
                }
            }
            return problems;
        });
    }

    /// <summary>Direct attributions (to a buyer) or apportionments (by a driver) of a support service's costs.</summary>
    private ParsedRows ParseProviderCosts(TabularFile file, ImportContext context, ImportKind kind, List<ImportProblem> problems)
    {
        var parsed = new List<(AccountingPeriod Period, int Provider, int? Buyer, string? Driver, Money Amount, string Description)>();
        var total = 0m;
        foreach (var (line, cells) in file.Rows)
        {
            var before = problems.Count;
            var period = context.Period(line, "period", Cell(cells, 0), problems);
            var provider = context.CostCentre(line, "provider", Cell(cells, 1), problems);
            if (provider is { } p && !context.IsSupport(p))
            {
                problems.Add(new ImportProblem(line, "provider", Cell(cells, 1), "is not a support service; only support services pass costs on."));
            }
            int? buyer = null;
            string? driver = null;
            if (kind == ImportKind.Attributions)
            {
                buyer = context.CostCentre(line, "buyer", Cell(cells, 2), problems);
                if (buyer is { } b && b == provider)
                {
                    problems.Add(new ImportProblem(line, "buyer", Cell(cells, 2), "is the provider itself; a cost attributed to yourself is not a charge."));
                }
            }
            else
            {
                driver = Cell(cells, 2);
                if (driver.Length is 0 or > 40)
                {
                    problems.Add(new ImportProblem(line, "driver", driver, "is required, at most 40 characters (FTE, m², devices…), with values imported for the period."));
                }
            }
            var amount = Number(line, "amount", Cell(cells, 3), problems);
            if (amount is { } a && (a == 0 || !Money.IsWholePence(a)))
            {
                problems.Add(new ImportProblem(line, "amount", Cell(cells, 3), a == 0 ? "must be more than nothing." : "is not a whole number of pence."));
            }
            var description = Cell(cells, 4);
            if (description.Length is 0 or > 200)
            {
                problems.Add(new ImportProblem(line, "description", description, "is required, at most 200 characters: say what the cost is, for the buyer's statement."));
            }
            if (period is { } open)
            {
                context.CheckOpen(line, "period", Cell(cells, 0), open, problems);
            }
            if (problems.Count == before)
            {
                parsed.Add((period!.Value, provider!.Value, buyer, driver, Money.FromPounds(amount!.Value), description));
                total += amount.Value;
            }
        }
        return new ParsedRows(parsed.Count, total, async (batch, ct) =>
        {
            db.ProviderCosts.AddRange(parsed.Select(c => new ProviderCost(context.AuthorityId, batch, c.Period, c.Provider, c.Buyer, c.Driver, c.Amount, c.Description)));
            await db.SaveChangesAsync(ct);
        });
    }

    /// <summary>The subjective accounts a general ledger reports actuals on: expenditure and external income.</summary>
    public static IReadOnlyList<string> ImportableAccounts { get; } = ["1000", "2000", "3000", "4000", "5000", "9100"];

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index].Trim() : "";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static decimal? Number(int line, string column, string text, List<ImportProblem> problems, bool allowNegative = false)
    {
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(new ImportProblem(line, column, text, "is not a number."));
            return null;
        }
        if (value < 0 && !allowNegative)
        {
            problems.Add(new ImportProblem(line, column, text, "cannot be negative."));
            return null;
        }
        return value;
    }
}

/// <summary>What an import checks rows against: this authority's codes and closed periods.</summary>
internal sealed class ImportContext
{
    private readonly Dictionary<string, int> _costCentres;
    private readonly Dictionary<string, KnownOffering> _offerings;
    private readonly HashSet<(int, int)> _closed;
    private readonly Dictionary<(int, int), int> _posted;
    private readonly Dictionary<(int, int), string?> _importRefusals = [];

    private ImportContext(int authorityId, int yearStartMonth, Actor actor, Dictionary<string, int> costCentres,
        Dictionary<string, KnownOffering> offerings, HashSet<(int, int)> closed, Dictionary<(int, int), int> posted)
    {
        Actor = actor;
        _posted = posted;
        AuthorityId = authorityId;
        YearStartMonth = yearStartMonth;
        _costCentres = costCentres;
        _offerings = offerings;
        _closed = closed;
    }

    public int AuthorityId { get; }

    /// <summary>Who is importing.</summary>
    public Actor Actor { get; }
    public int YearStartMonth { get; }
    private HashSet<int> Supports { get; init; } = [];

    public bool IsSupport(int costCentreId) => Supports.Contains(costCentreId);

    /// <summary>An offering by its code, and whether the importing user may record usage of it (asked once per offering, not once per row).</summary>
    public sealed class KnownOffering(int id, int? providerCostCentreId)
    {
        public int Id { get; } = id;
        public int? ProviderCostCentreId { get; } = providerCostCentreId;
        internal bool? MayRecord { get; set; }
    }

    /// <summary>This authority's codes and closed periods, for checking the rows <paramref name="actor"/> imports.</summary>
    public static async Task<ImportContext> LoadAsync(FairShareDbContext db, int authorityId, int yearStartMonth, Actor actor, CancellationToken cancellationToken)
    {
        var all = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId).Select(c => new { c.Code, c.Id, c.Kind }).ToListAsync(cancellationToken);
        var centres = all.ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var supports = all.Where(c => c.Kind == CostCentreKind.Support).Select(c => c.Id).ToHashSet();
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.AuthorityId == authorityId)
            .ToDictionaryAsync(o => o.Code, o => new KnownOffering(o.Id, o.ProviderCostCentreId), StringComparer.OrdinalIgnoreCase, cancellationToken);
        var closed = (await db.PeriodStatuses.AsNoTracking().Where(p => p.AuthorityId == authorityId && p.Closed)
            .Select(p => new { p.FinancialYearStart, p.PeriodNumber }).ToListAsync(cancellationToken))
            .Select(p => (p.FinancialYearStart, p.PeriodNumber)).ToHashSet();
        var posted = (await db.RechargeRuns.AsNoTracking().Where(r => r.AuthorityId == authorityId && r.Status == RechargeRunStatus.Posted)
            .Select(r => new { r.FinancialYearStart, r.PeriodNumber, r.Id }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.FinancialYearStart, r.PeriodNumber), r => r.Id);
        return new ImportContext(authorityId, yearStartMonth, actor, centres, offerings, closed, posted) { Supports = supports };
    }

    /// <summary>Whether the importing user records usage of this offering (its provider's).</summary>
    public bool MayRecordUsageOf(KnownOffering offering) => offering.MayRecord ??= Actor.CanRecordUsageOf(offering.ProviderCostCentreId);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int? CostCentre(int line, string column, string code, List<ImportProblem> problems)
    {
        if (_costCentres.TryGetValue(code, out var id))
        {
            return id;
        }
        problems.Add(new ImportProblem(line, column, code, code.Length == 0 ? "is required." : "is not one of this authority's cost centres."));
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KnownOffering? Offering(int line, string column, string code, List<ImportProblem> problems)
    {
        if (_offerings.TryGetValue(code, out var offering))
        {
            return offering;
        }
        problems.Add(new ImportProblem(line, column, code, code.Length == 0 ? "is required." : "is not one of this authority's offerings."));
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly? Date(int line, string column, string text, List<ImportProblem> problems)
    {
        if (IsoDate.TryParse(text, out var date))
        {
            if (date.Year is >= Inputs.Parse.FirstYear and <= Inputs.Parse.LastYear)
            {
                return date;
            }
            problems.Add(new ImportProblem(line, column, text, $"is outside the years FairShare keeps ({Inputs.Parse.FirstYear} to {Inputs.Parse.LastYear})."));
            return null;
        }
        problems.Add(new ImportProblem(line, column, text, "is not a date; write it as YYYY-MM-DD."));
        return null;
    }

    public AccountingPeriod? Period(int line, string column, string text, List<ImportProblem> problems)
    {
        if (IsoDate.TryParseMonth(text, out var first))
        {
            if (first.Year is >= Inputs.Parse.FirstYear and <= Inputs.Parse.LastYear)
            {
                return AccountingPeriod.Containing(first, YearStartMonth);
            }
            problems.Add(new ImportProblem(line, column, text, $"is outside the years FairShare keeps ({Inputs.Parse.FirstYear} to {Inputs.Parse.LastYear})."));
            return null;
        }
        problems.Add(new ImportProblem(line, column, text, "is not a period; write it as YYYY-MM."));
        return null;
    }

    /// <summary>Whether the period's workflow takes an import now (decided once per period, not once per row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CheckOpen(int line, string column, string text, AccountingPeriod period, List<ImportProblem> problems)
    {
        var key = (period.Year.StartYear, period.Number);
        if (!_importRefusals.TryGetValue(key, out var refusal))
        {
            var status = _closed.Contains(key) ? PeriodStatus.Closed : _posted.ContainsKey(key) ? PeriodStatus.RunPosted : PeriodStatus.Open;
            var decided = PeriodState.Load(AuthorityId, period, status).Apply(PeriodTrigger.Import, new PeriodFacts(null));
            refusal = decided.IsSuccess ? null : string.Join(" ", decided.Errors.Select(e => e.Message));
            if (refusal is not null && status == PeriodStatus.RunPosted && _posted.TryGetValue(key, out var run))
            {
                // The posted run priced the period as it stood; a record added now would be on no statement.
                refusal += $" (run {run})";
            }
            _importRefusals[key] = refusal;
        }
        if (refusal is not null)
        {
            problems.Add(new ImportProblem(line, column, text, $"falls in {period.Month}: {refusal}"));
        }
    }
}
