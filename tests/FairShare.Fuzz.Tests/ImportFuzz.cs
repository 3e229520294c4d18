using System.Globalization;
using CsCheck;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Fuzz.Tests;

/// <summary>
/// Every kind's column rules, through <see cref="ImportFile"/> against the demo database as a finance officer
/// imports: damaged seeds as CSV (UTF-8 or Windows-1252) and as workbooks, with and without a control total. The
/// answer is accepted or invalid with every problem named by line and field, never an exception. A refused import
/// writes nothing — every table's row count is unchanged; an accepted one writes exactly what the file holds: its
/// batch, its rows (as many, the same total, for usage the same record ids) and its audit entry, and nothing else.
/// </summary>
public sealed class ImportFuzz(FuzzDatabase database) : IClassFixture<FuzzDatabase>
{
    private static readonly RoleGrant Finance = new(Role.FinanceOfficer);

    /// <summary>An import to try: the kind, the seed, its damage, whether as a workbook or in Windows-1252, and the control total given.</summary>
    public sealed record ImportCase(ImportKind Kind, byte[] Content, string FileName, ImportEncoding Encoding, decimal? ExpectTotal, byte[]? Source = null)
    {
        /// <summary>The case as a regression test needs it: a workbook is shown as the damaged text it was written from.</summary>
        public override string ToString() =>
            $"{Kind} {FileName} {Encoding} expect {ExpectTotal?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {Hostile.Show(Source ?? Content)}";
    }

    [Fact]
    public Task Usage_NeverThrows_RefusedWritesNothing_AcceptedWritesWhatWasRead() => RunAsync("import-usage", ImportKind.Usage);

    [Fact]
    public Task DriversAndCosts_NeverThrow_RefusedWritesNothing_AcceptedWritesWhatWasRead() => RunAsync("import-ledger", ImportKind.Drivers, ImportKind.Costs);

    [Fact]
    public Task AttributionsAndApportionments_NeverThrow_RefusedWritesNothing_AcceptedWritesWhatWasRead() =>
        RunAsync("import-provider-costs", ImportKind.Attributions, ImportKind.Apportionments);

    /// <summary>Each seed as it is is accepted: the fuzzers start from files that import.</summary>
    [Fact]
    public async Task EverySeed_AsItIs_IsAccepted()
    {
        foreach (var (kind, seeds) in Seeds.Csv)
        {
            foreach (var seed in seeds)
            {
                Assert.Equal($"accepted {kind} seed.csv", $"{await ImportAsync(new ImportCase(kind, Seeds.Bytes(seed), "seed.csv", ImportEncoding.Utf8, null))} seed.csv");
                Assert.Equal($"accepted {kind} seed.xlsx", $"{await ImportAsync(new ImportCase(kind, Seeds.Workbook(seed)!, "seed.xlsx", ImportEncoding.Utf8, null))} seed.xlsx");
            }
        }
    }

    private Task RunAsync(string parser, params ImportKind[] kinds)
    {
        var cases = Gen.Select(Gen.OneOf(kinds), Gen.Int[0, 1], Hostile.Mutations, Gen.Int[0, 19], Gen.Int[0, 9], (kind, seed, changes, form, total) =>
        {
            var text = Seeds.Csv[kind][seed];
            var content = Hostile.Apply(Seeds.Bytes(text), changes);
            var workbook = form < 3 ? Seeds.Workbook(System.Text.Encoding.UTF8.GetString(content)) : null;
            var expect = total switch { 0 => TotalOf(kind, text), 1 => TotalOf(kind, text) + 0.01m, _ => (decimal?)null };
            return workbook is not null
                ? new ImportCase(kind, workbook, "file.xlsx", ImportEncoding.Utf8, expect, content)
                : new ImportCase(kind, content, "file.csv", form < 6 ? ImportEncoding.Windows1252 : ImportEncoding.Utf8, expect);
        });
        Fuzzing.Run(parser, cases, c => ImportAsync(c).GetAwaiter().GetResult(), c => c.ToString());
        return Task.CompletedTask;
    }

    private static readonly Dictionary<ImportKind, (string Table, string Column)> Written = new()
    {
        [ImportKind.Usage] = ("Usage", "quantity"),
        [ImportKind.Drivers] = ("DriverValues", "value"),
        [ImportKind.Costs] = ("CostActuals", "amount"),
        [ImportKind.Attributions] = ("ProviderCosts", "amount"),
        [ImportKind.Apportionments] = ("ProviderCosts", "amount"),
    };

    private static decimal TotalOf(ImportKind kind, string csv)
    {
        var file = TabularFile.Open("seed.csv", Seeds.Bytes(csv)).File!;
        var column = IndexOf(file, Written[kind].Column);
        return file.Rows.Sum(r => decimal.Parse(r.Cells[column], CultureInfo.InvariantCulture));
    }

    private static int IndexOf(TabularFile file, string column) =>
        file.Header.Select((name, i) => (name, i)).Single(h => string.Equals(h.name, column, StringComparison.OrdinalIgnoreCase)).i;

    private async Task<string> ImportAsync(ImportCase input)
    {
        var before = database.Counts();
        Outcome<ImportResult> outcome;
        await using (var scope = await database.Database.ScopeForAsync(DemoCatalogue.CountyCode, Finance, "Fuzz finance officer"))
        {
            outcome = await scope.ServiceProvider.GetRequiredService<ImportFile>()
                .HandleAsync(new ImportRequest(input.Kind, input.FileName, input.Content, input.ExpectTotal, input.Encoding));
        }
        var after = database.Counts();
        if (!outcome.IsOk)
        {
            Fuzzing.Require(outcome.Kind == OutcomeKind.Invalid, $"{outcome.Kind}: {outcome.Message}");
            Fuzzing.Require(outcome.Errors.Count > 0 && outcome.Errors.All(e => e.Field.Length > 0 && e.Message.Length > 0), "refused without naming a field and a reason");
            Fuzzing.Require(FuzzDatabase.Changes(before, after) is "", $"refused, yet written: {FuzzDatabase.Changes(before, after)}");
            return "refused: " + string.Join("; ", outcome.Errors.Take(3).Select(e => Fuzzing.Shape(e.Field) + " " + e.Message));
        }
        try
        {
            CheckWritten(input, outcome.Value, before, after);
        }
        finally
        {
            database.Restore();
        }
        return $"accepted {input.Kind}";
    }

    /// <summary>The batch, the rows read from the file (as many, the same total, for usage the same ids) and one audit entry: nothing else.</summary>
    private void CheckWritten(ImportCase input, ImportResult result, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        var (table, column) = Written[input.Kind];
        var file = TabularFile.Open(input.FileName, input.Content, input.Encoding).File!;
        var at = IndexOf(file, column);
        var rows = file.Rows.ToList();
        Fuzzing.Require(rows.All(r => r.Fault is null), "accepted a row with a fault");
        var total = rows.Sum(r => decimal.Parse(r.Cells[at], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        Fuzzing.Require(result.Rows == rows.Count && result.Total == total, $"accepted {result.Rows} rows totalling {result.Total}; the file has {rows.Count} totalling {total}");
        // SQLite's own count of ids handed out moves with every insert; the rows it counts are checked.
        after = after.Where(a => a.Key != "sqlite_sequence").ToDictionary();
        var expected = new Dictionary<string, long>(after.ToDictionary(a => a.Key, a => before[a.Key])) { ["ImportBatches"] = before["ImportBatches"] + 1, ["AuditEntries"] = before["AuditEntries"] + 1 };
        expected[table] = before[table] + rows.Count;
        if (input.Kind == ImportKind.Usage)
        {
            // Usage is summed as it is written, a row per buyer, offering and period: one to each record.
            var summaries = after["UsageSummaries"] - before["UsageSummaries"];
            Fuzzing.Require(summaries >= 0 && summaries <= rows.Count, $"{summaries} usage summaries for {rows.Count} records");
            expected["UsageSummaries"] = after["UsageSummaries"];
        }
        Fuzzing.Require(FuzzDatabase.Changes(before, expected) == FuzzDatabase.Changes(before, after), $"accepted, and wrote {FuzzDatabase.Changes(before, after)}");
        var count = Convert.ToInt64(database.Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE \"ImportBatchId\" = $id", ("$id", result.BatchId)), CultureInfo.InvariantCulture);
        Fuzzing.Require(count == rows.Count, $"import {result.BatchId} holds {count} rows; the file has {rows.Count}");
        if (input.Kind == ImportKind.Usage)
        {
            var ids = string.Join("\n", rows.Select(r => r.Cells[0].Trim()).Order(StringComparer.Ordinal));
            var stored = (string?)database.Scalar("SELECT group_concat(\"RecordId\", char(10)) FROM \"Usage\" WHERE \"ImportBatchId\" = $id", ("$id", result.BatchId)) ?? "";
            var held = string.Join("\n", stored.Split('\n').Order(StringComparer.Ordinal));
            Fuzzing.Require(ids == held, "the record ids stored are not those read");
        }
    }
}
