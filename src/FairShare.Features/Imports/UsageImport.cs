using System.Runtime.CompilerServices;
using FairShare.Domain.Recording;
using FairShare.Features.Tenancy;
using FairShare.Persistence.Ledger;

namespace FairShare.Features.Imports;

/// <summary>
/// Usage and time records: the large files (a million rows). Read row by row, checked, and written in bulk
/// chunks while the next rows are read (<see cref="BulkUsage.Writer"/>, the one boundary behind which the import's
/// speed work lives). The unique index on (authority, record id) finds a record id seen twice, in this file or in an
/// earlier import, as it is written: a good file keeps no table of its million ids. The first bad row stops the
/// writing; the rest are still checked, so that every bad row is counted, and the caller rolls back. Only then is
/// the file read again for its ids, to name every repeated one and, after the rollback, every one imported before.
/// </summary>
internal sealed class UsageImport : IImportKind
{
    /// <summary>Record ids are keys: at most this many characters (the database column's width).</summary>
    public const int MaxRecordId = 80;

    /// <summary>Job references and recorders' names: at most this many characters.</summary>
    public const int MaxText = 200;

    /// <summary>One row as it is read; one instance is reused for every row of a file.</summary>
    internal sealed class Row
    {
        public string Id = "";
        public DateOnly Date;
        public int Buyer;
        public ImportContext.KnownOffering? Offering;
        public decimal Quantity;
        public string Job = "";
        public string By = "";
    }

    public static ImportRules<Row> Rules { get; } = MakeRules();

    private static ImportRules<Row> MakeRules()
    {
        ImportRules<Row>? rules = null;
        rules = new(
        [
            Columns.Text<Row>("recordId", MaxRecordId, required: true, "the record's own id in the system it came from, unique for ever", (r, v) => r.Id = v),
            Columns.Date<Row>("date", (r, v) => r.Date = v),
            Columns.CostCentre<Row>("buyer", "the cost centre that used the service", (r, v) => r.Buyer = v),
            Columns.Offering<Row>("offering", (r, v) => r.Offering = v),
            Columns.Number<Row>("quantity", NumberBounds.Quantity, (r, v) => r.Quantity = v),
            Columns.Text<Row>("jobReference", MaxText, required: false, "the job or matter it was for", (r, v) => r.Job = v),
            Columns.Text<Row>("recordedBy", MaxText, required: false, "who recorded it", (r, v) => r.By = v),
        ],
        [
            (r, cells, at) =>
            {
                // Only on a row good so far: the row object is reused, so a bad buyer or date would leave the last row's.
                var goodSoFar = at.Problems.List is not [.., var last] || last.Line != at.Line;
                if (goodSoFar && at.Context.ClosedOn(r.Buyer, r.Date) is { } closed)
                {
                    at.Problem("buyer", rules!.Cell(cells, "buyer"), closed);
                }
                if (r.Offering is { ProviderCostCentreId: null })
                {
                    at.Problem("offering", rules!.Cell(cells, "offering"), "is an external supplier's offering: it is bought through procurement and invoiced by the supplier, not recharged, so its usage is not imported here.");
                }
                else if (r.Offering is { } o && !at.Context.MayRecordUsageOf(o))
                {
                    at.Problem("offering", rules!.Cell(cells, "offering"), $"is provided by another service than yours; {TenantContext.Describe(at.Context.Actor)} records usage of their own service only.");
                }
            },
        ]);
        return rules;
    }

    public ImportKind Kind => ImportKind.Usage;

    public IReadOnlyList<string> Header => Rules.Header;

    public IReadOnlyList<ColumnRule> ColumnRules => Rules.Rules;

    public async Task<Written> WriteAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var context = run.Context;
        var problems = run.Problems;
        var writer = new BulkUsage.Writer(run.Db, context.AuthorityId, context.YearStartMonth);
        var rows = 0;
        var total = 0m;
        var recordedBy = "";
        var row = new Row();
        try
        {
            foreach (var line in run.File.Rows)
            {
                rows++;
                if (Rules.Read(line, row, run.At))
                {
                    total += row.Quantity;
                    // One string for a recorder's many rows: a million rows kept until written are a million fewer objects.
                    recordedBy = string.Equals(row.By, recordedBy, StringComparison.Ordinal) ? recordedBy : row.By;
                    if (problems.Count == 0)
                    {
                        await writer.AddAsync(Record(context, run.BatchId, row, recordedBy), cancellationToken);
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
            return new Written(rows, total);
        }
        var lines = RecordLines(run.Reopen(), problems);
        return new Written(rows, total, lines, SomeImportedBefore: !allNew);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RecordedUsage Record(ImportContext context, int batchId, Row row, string recordedBy) =>
        new(context.AuthorityId, batchId, row.Id, row.Date, row.Buyer, row.Offering!.Id, row.Quantity, row.Job, recordedBy);

    /// <summary>Each record id's first line in the file; an id on a later line too is a problem there.</summary>
    private static Dictionary<string, int> RecordLines(TabularFile file, ImportProblems problems)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells, fault) in file.Rows)
        {
            var id = fault is null && cells.Length > 0 ? cells[0].Trim() : "";
            if (id.Length > 0 && !lines.TryAdd(id, line))
            {
                problems.Add(new ImportProblem(line, "recordId", id, $"is already on line {lines[id]} of this file."));
            }
        }
        return lines;
    }
}
