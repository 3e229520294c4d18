using System.Globalization;
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

/// <summary>The file was refused as a whole; nothing was imported. Every problem is listed.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportProblem> problems)
    : Exception($"Nothing was imported: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}.")
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
        _ => ["period", "costCentre", "account", "amount"],
    };

    public async Task<ImportResult> HandleAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        tenants.Require(request.Kind == ImportKind.Usage ? Permission.ImportUsage : Permission.ImportLedgerData,
            $"import {request.Kind.ToString().ToLowerInvariant()}");
        var tenant = tenants.Current;
        var hash = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        if (await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.AuthorityId == tenant.AuthorityId && b.Kind == request.Kind && b.ContentHash == hash, cancellationToken) is { } earlier)
        {
            throw new ImportRejectedException([new ImportProblem(0, "", "",
                $"This file was already imported on {earlier.At.UtcDateTime:yyyy-MM-dd HH:mm} as import {earlier.Id} ({earlier.Rows} rows) by {earlier.ImportedBy}; nothing was imported again.")]);
        }

        var file = TabularFile.Read(request.FileName, request.Content);
        var expected = ColumnsOf(request.Kind);
        if (!file.Header.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
        {
            throw new ImportRejectedException([new ImportProblem(1, "header", string.Join(",", file.Header),
                $"the columns must be exactly {string.Join(",", expected)}.")]);
        }
        if (file.Rows.Count == 0)
        {
            throw new ImportRejectedException([new ImportProblem(0, "", "", "The file has a header but no rows.")]);
        }

        var context = await ImportContext.LoadAsync(db, tenant.AuthorityId, tenant.YearStartMonth, cancellationToken);
        var problems = new List<ImportProblem>();
        var rows = request.Kind switch
        {
            ImportKind.Usage => await ParseUsageAsync(file, context, problems, cancellationToken),
            ImportKind.Drivers => ParseDrivers(file, context, problems),
            _ => ParseCosts(file, context, problems),
        };
        var total = rows.Total;
        if (request.ExpectTotal is { } expectedTotal && problems.Count == 0 && expectedTotal != total)
        {
            problems.Add(new ImportProblem(0, "", "", $"The control total is {total.ToString(CultureInfo.InvariantCulture)}, not the {expectedTotal.ToString(CultureInfo.InvariantCulture)} expected."));
        }
        if (problems.Count > 0)
        {
            throw new ImportRejectedException(problems);
        }

        var batch = new ImportBatch(tenant.AuthorityId, request.Kind, Path.GetFileName(request.FileName), hash, file.Rows.Count, total, tenants.Actor.Name, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        await rows.Write(batch.Id, cancellationToken);
        audit.Record($"import.{request.Kind.ToString().ToLowerInvariant()}", nameof(ImportBatch), batch.Id, null,
            new { batch.FileName, batch.Rows, batch.Total });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportResult(batch.Id, batch.Rows, total,
            $"Imported {batch.Rows} {request.Kind.ToString().ToLowerInvariant()} rows from {batch.FileName} as import {batch.Id} (control total {total.ToString(CultureInfo.InvariantCulture)}).");
    }

    /// <summary>Parsed rows, ready to be written once the batch has its id.</summary>
    private sealed record ParsedRows(decimal Total, Func<int, CancellationToken, Task> Write);

    private async Task<ParsedRows> ParseUsageAsync(TabularFile file, ImportContext context, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<(string Id, DateOnly Date, int Buyer, int Offering, decimal Quantity, string Job, string By)>();
        var total = 0m;
        foreach (var (line, cells) in file.Rows)
        {
            var before = problems.Count;
            var id = Cell(cells, 0);
            if (id.Length == 0)
            {
                problems.Add(new ImportProblem(line, "recordId", id, "is required."));
            }
            else if (seen.TryGetValue(id, out var first))
            {
                problems.Add(new ImportProblem(line, "recordId", id, $"is already on line {first} of this file."));
            }
            else
            {
                seen[id] = line;
            }
            var date = ImportContext.Date(line, "date", Cell(cells, 1), problems);
            var buyer = context.CostCentre(line, "buyer", Cell(cells, 2), problems);
            var offering = context.Offering(line, "offering", Cell(cells, 3), problems);
            var quantity = Number(line, "quantity", Cell(cells, 4), problems);
            if (offering is { } o && !tenants.Actor.CanRecordUsageOf(o.ProviderCostCentreId))
            {
                problems.Add(new ImportProblem(line, "offering", Cell(cells, 3), $"is provided by another service than yours; {TenantContext.Describe(tenants.Actor)} records usage of their own service only."));
            }
            if (date is { } d)
            {
                context.CheckOpen(line, "date", Cell(cells, 1), AccountingPeriod.Containing(d, context.YearStartMonth), problems);
            }
            if (problems.Count == before)
            {
                parsed.Add((id, date!.Value, buyer!.Value, offering!.Value.Id, quantity!.Value, Cell(cells, 5), Cell(cells, 6)));
                total += quantity!.Value;
            }
        }
        if (seen.Count > 0)
        {
            var ids = seen.Keys.ToList();
            var existing = new List<string>();
            foreach (var chunk in ids.Chunk(1000))
            {
                existing.AddRange(await db.Usage.AsNoTracking().Where(u => u.AuthorityId == context.AuthorityId && chunk.Contains(u.RecordId)).Select(u => u.RecordId).ToListAsync(cancellationToken));
            }
            problems.AddRange(existing.Select(id => new ImportProblem(seen[id], "recordId", id, "was imported before; a record is counted once.")));
        }
        return new ParsedRows(total, (batch, ct) => BulkUsage.WriteAsync(db, parsed.Select(p =>
            new RecordedUsage(context.AuthorityId, batch, p.Id, p.Date, p.Buyer, p.Offering, p.Quantity, p.Job, p.By)).ToList(), ct));
    }

    private ParsedRows ParseDrivers(TabularFile file, ImportContext context, List<ImportProblem> problems)
    {
        var parsed = new List<DriverValue>();
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
                total += value.Value;
            }
        }
        return new ParsedRows(total, (batch, ct) =>
        {
            db.DriverValues.AddRange(parsed.Select(d =>
                new DriverValue(d.AuthorityId, batch, new FinancialYear(d.FinancialYearStart, context.YearStartMonth).Period(d.PeriodNumber), d.CostCentreId, d.Driver, d.Value)));
            return db.SaveChangesAsync(ct);
        });
    }

    private ParsedRows ParseCosts(TabularFile file, ImportContext context, List<ImportProblem> problems)
    {
        var parsed = new List<(AccountingPeriod Period, int CostCentre, string Account, Money Amount)>();
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
                parsed.Add((period.Value, centre.Value, account.Code, Money.FromPounds(amount!.Value)));
                total += amount.Value;
            }
        }
        return new ParsedRows(total, (batch, ct) =>
        {
            db.CostActuals.AddRange(parsed.Select(c => new CostActual(context.AuthorityId, batch, c.Period, c.CostCentre, c.Account, c.Amount)));
            return db.SaveChangesAsync(ct);
        });
    }

    /// <summary>The subjective accounts a general ledger reports actuals on: expenditure and external income.</summary>
    public static IReadOnlyList<string> ImportableAccounts { get; } = ["1000", "2000", "3000", "4000", "5000", "9100"];

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index].Trim() : "";

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
    private readonly Dictionary<string, (int Id, int? ProviderCostCentreId)> _offerings;
    private readonly HashSet<(int, int)> _closed;

    private ImportContext(int authorityId, int yearStartMonth, Dictionary<string, int> costCentres,
        Dictionary<string, (int, int?)> offerings, HashSet<(int, int)> closed)
    {
        AuthorityId = authorityId;
        YearStartMonth = yearStartMonth;
        _costCentres = costCentres;
        _offerings = offerings;
        _closed = closed;
    }

    public int AuthorityId { get; }
    public int YearStartMonth { get; }

    public static async Task<ImportContext> LoadAsync(FairShareDbContext db, int authorityId, int yearStartMonth, CancellationToken cancellationToken)
    {
        var centres = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId).ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.AuthorityId == authorityId)
            .ToDictionaryAsync(o => o.Code, o => (o.Id, o.ProviderCostCentreId), StringComparer.OrdinalIgnoreCase, cancellationToken);
        var closed = (await db.PeriodStatuses.AsNoTracking().Where(p => p.AuthorityId == authorityId && p.Closed)
            .Select(p => new { p.FinancialYearStart, p.PeriodNumber }).ToListAsync(cancellationToken))
            .Select(p => (p.FinancialYearStart, p.PeriodNumber)).ToHashSet();
        return new ImportContext(authorityId, yearStartMonth, centres, offerings, closed);
    }

    public int? CostCentre(int line, string column, string code, List<ImportProblem> problems)
    {
        if (_costCentres.TryGetValue(code, out var id))
        {
            return id;
        }
        problems.Add(new ImportProblem(line, column, code, code.Length == 0 ? "is required." : "is not one of this authority's cost centres."));
        return null;
    }

    public (int Id, int? ProviderCostCentreId)? Offering(int line, string column, string code, List<ImportProblem> problems)
    {
        if (_offerings.TryGetValue(code, out var offering))
        {
            return offering;
        }
        problems.Add(new ImportProblem(line, column, code, code.Length == 0 ? "is required." : "is not one of this authority's offerings."));
        return null;
    }

    public static DateOnly? Date(int line, string column, string text, List<ImportProblem> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add(new ImportProblem(line, column, text, "is not a date; write it as YYYY-MM-DD."));
        return null;
    }

    public AccountingPeriod? Period(int line, string column, string text, List<ImportProblem> problems)
    {
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return AccountingPeriod.Containing(first, YearStartMonth);
        }
        problems.Add(new ImportProblem(line, column, text, "is not a period; write it as YYYY-MM."));
        return null;
    }

    public void CheckOpen(int line, string column, string text, AccountingPeriod period, List<ImportProblem> problems)
    {
        if (_closed.Contains((period.Year.StartYear, period.Number)))
        {
            problems.Add(new ImportProblem(line, column, text, $"falls in {period.Month}, which is closed; corrections go into an open period."));
        }
    }
}
