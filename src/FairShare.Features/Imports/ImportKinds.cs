using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Persistence;

namespace FairShare.Features.Imports;

/// <summary>A kind of import: its columns and their rules, and how its good rows are written.</summary>
internal interface IImportKind
{
    ImportKind Kind { get; }

    IReadOnlyList<string> Header { get; }

    IReadOnlyList<ColumnRule> ColumnRules { get; }

    /// <summary>Reads, checks and writes the rows; problems go to <see cref="ImportRun.Problems"/>, and the caller rolls back if there are any.</summary>
    Task<Written> WriteAsync(ImportRun run, CancellationToken cancellationToken);
}

/// <summary>One import under way: the file, what its rows are checked against, its batch, and the problems found.</summary>
internal sealed record ImportRun(FairShareDbContext Db, TabularFile File, Func<TabularFile> Reopen, ImportContext Context, int BatchId, ImportProblems Problems)
{
    public RowCheck At { get; } = new(Context, Problems);
}

/// <summary>
/// What writing a file's rows came to: how many, their control total. For usage, also each record id's line,
/// and whether the database turned some away as imported before (then they are looked up, after the rollback).
/// </summary>
internal sealed record Written(int Rows, decimal Total, Dictionary<string, int>? RecordLines = null, bool SomeImportedBefore = false);

/// <summary>Every kind of import, by its <see cref="ImportKind"/>.</summary>
internal static class ImportKinds
{
    private static readonly Dictionary<ImportKind, IImportKind> All = new IImportKind[]
    {
        new UsageImport(), new DriverImport(), new CostImport(), ProviderCostImport.Attributions, ProviderCostImport.Apportionments,
    }.ToDictionary(k => k.Kind);

    public static IImportKind Of(ImportKind kind) => All[kind];
}

/// <summary>
/// The small files (drivers, costs, provider costs): every good row is kept, then refused if the file or the
/// database already holds the same thing by its business key — never by the file's bytes, so a file saved again
/// with other line endings is still the same content — and written only when every row is good.
/// </summary>
internal abstract class KeyedImport<TRow, TKey> : IImportKind where TRow : class, new() where TKey : notnull
{
    public abstract ImportKind Kind { get; }

    protected abstract ImportRules<TRow> Rules { get; }

    public IReadOnlyList<string> Header => Rules.Header;

    public IReadOnlyList<ColumnRule> ColumnRules => Rules.Rules;

    /// <summary>What makes two rows the same thing.</summary>
    protected abstract TKey Key(TRow row);

    protected abstract AccountingPeriod PeriodOf(TRow row);

    /// <summary>The column and value a repeat is reported on.</summary>
    protected abstract (string Column, string Value) Shown(TRow row);

    /// <summary>What a repeat is, in words: "has a value for this cost centre and period already".</summary>
    protected abstract string Repeat { get; }

    protected abstract decimal Amount(TRow row);

    /// <summary>The keys held for a period already, each with its import.</summary>
    protected abstract Task<IReadOnlyList<(TKey Key, int Import)>> HeldAsync(FairShareDbContext db, int authorityId, AccountingPeriod period, CancellationToken cancellationToken);

    protected abstract void Add(FairShareDbContext db, TRow row, int authorityId, int batchId);

    public async Task<Written> WriteAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var rows = new List<(int Line, TRow Row)>();
        var seen = new Dictionary<TKey, int>();
        var total = 0m;
        foreach (var line in run.File.Rows)
        {
            var row = new TRow();
            if (!Rules.Read(line, row, run.At))
            {
                continue;
            }
            var key = Key(row);
            if (seen.TryGetValue(key, out var first))
            {
                var (column, value) = Shown(row);
                run.At.Problem(column, value, $"{Repeat}, on line {first}.");
                continue;
            }
            seen[key] = line.Line;
            rows.Add((line.Line, row));
            total += Amount(row);
        }
        if (run.Problems.Count == 0)
        {
            foreach (var period in rows.Select(r => PeriodOf(r.Row)).Distinct())
            {
                var held = (await HeldAsync(run.Db, run.Context.AuthorityId, period, cancellationToken)).ToLookup(h => h.Key, h => h.Import);
                foreach (var (line, row) in rows.Where(r => PeriodOf(r.Row) == period))
                {
                    if (held[Key(row)].Any())
                    {
                        var (column, value) = Shown(row);
                        run.Problems.Add(new ImportProblem(line, column, value, $"{Repeat}, from import {held[Key(row)].First()}; it is imported once."));
                    }
                }
            }
        }
        if (run.Problems.Count == 0)
        {
            foreach (var (_, row) in rows)
            {
                Add(run.Db, row, run.Context.AuthorityId, run.BatchId);
            }
            await run.Db.SaveChangesAsync(cancellationToken);
        }
        return new Written(rows.Count, total);
    }
}
