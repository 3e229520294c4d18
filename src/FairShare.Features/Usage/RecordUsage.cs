using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Access;
using FairShare.Features.Imports;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Usage;

/// <summary>One usage or time record as a time-recording system sends it.</summary>
public sealed record UsageRecordInput(string? RecordId, string? Date, string? Buyer, string? Offering, decimal? Quantity, string? JobReference, string? RecordedBy);

/// <param name="Records">The records, all or nothing.</param>
/// <param name="Correction">True to replace records already held with the same id (while their period is open); the old content is audited.</param>
public sealed record RecordUsageRequest(IReadOnlyList<UsageRecordInput>? Records, bool Correction = false);

/// <summary>What was done with each record: written, replayed (held already with the same content, nothing written) or corrected.</summary>
public sealed record RecordUsageResult(int Written, int Replayed, int Corrected, int? BatchId, string Message);

/// <summary>
/// Usage and time records from a machine (a time-recording system), all or nothing and idempotent by record
/// id: a record held already with the same content is a replay and writes nothing; with different content it
/// is refused, unless sent as a correction while its period is open, which replaces it (audited). Every record
/// is checked as an imported row is: the buyer, the offering (never an external supplier's), who may record
/// it, the quantity, and whether its period takes records now.
/// </summary>
public sealed class RecordUsage(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The most records one request may carry; a larger batch is a file to import.</summary>
    public const int MaxRecords = 10_000;

    /// <summary>Record ids are keys: at most this many characters.</summary>
    public const int MaxRecordId = UsageImport.MaxRecordId;

    /// <summary>Job references and recorders' names: at most this many characters.</summary>
    public const int MaxText = UsageImport.MaxText;

    public async Task<Outcome<RecordUsageResult>> HandleAsync(RecordUsageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ImportUsage, "record usage") is { } forbidden)
        {
            return Outcome<RecordUsageResult>.Forbidden(forbidden);
        }
        var records = request.Records ?? [];
        if (records.Count == 0)
        {
            return Outcome<RecordUsageResult>.Invalid("records", "Send at least one record.");
        }
        if (records.Count > MaxRecords)
        {
            return Outcome<RecordUsageResult>.Invalid("records", $"{records.Count} records is more than the {MaxRecords:N0} one request may carry; import a file instead.");
        }
        var tenant = tenants.Current;
        var context = await ImportContext.LoadAsync(db, tenant.AuthorityId, tenant.YearStartMonth, tenants.Actor, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var problems = new ImportProblems();
        var parsed = new List<RecordedUsage>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (Check(records[i], i, context, problems, seen) is { } usage)
            {
                parsed.Add(usage);
            }
        }
        if (problems.Count > 0)
        {
            return Outcome<RecordUsageResult>.Invalid([.. problems.Report().Select(Error)]);
        }

        var ids = parsed.Select(u => u.RecordId).ToList();
        var held = await db.Usage.Where(u => u.AuthorityId == tenant.AuthorityId && ids.Contains(u.RecordId)).ToDictionaryAsync(u => u.RecordId, StringComparer.Ordinal, cancellationToken);
        var fresh = new List<RecordedUsage>();
        var corrections = new List<(RecordedUsage Old, RecordedUsage New)>();
        var replayed = 0;
        var conflicts = new List<DomainError>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var u = parsed[i];
            if (!held.TryGetValue(u.RecordId, out var old))
            {
                fresh.Add(u);
            }
            else if (SameContent(old, u))
            {
                replayed++;
            }
            else if (!request.Correction)
            {
                conflicts.Add(new DomainError($"records[{i}].recordId", $"'{Parse.Shown(u.RecordId)}' is held already with other content; send it as a correction to replace it."));
            }
            else
            {
                var problemsBefore = problems.Count;
                context.CheckOpen(i + 1, "recordId", u.RecordId, AccountingPeriod.Containing(old.Date, tenant.YearStartMonth), problems);
                if (problems.Count == problemsBefore)
                {
                    corrections.Add((old, u));
                }
            }
        }
        if (problems.Count > 0)
        {
            return Outcome<RecordUsageResult>.Refused(string.Join(" ", problems.Report().Select(p => Error(p).Message)), "records");
        }
        if (conflicts.Count > 0)
        {
            return Outcome<RecordUsageResult>.Refused(string.Join(" ", conflicts.Select(c => $"{c.Field}: {c.Message}")), conflicts[0].Field);
        }
        if (fresh.Count == 0 && corrections.Count == 0)
        {
            return new RecordUsageResult(0, replayed, 0, null, $"Nothing was written: all {English(replayed)} are held already with the same content.");
        }

        var hash = "api:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parsed.Select(Key))
            + "\n" + clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new ImportBatch(tenant.AuthorityId, ImportKind.Usage, "api", hash, 0, 0m, tenants.Actor.Name, clock.GetUtcNow());
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var written = fresh.Select(u => WithBatch(u, batch.Id)).ToList();
        var replacements = corrections.Select(c => (c.Old, New: WithBatch(c.New, batch.Id))).ToList();
        // Totals the run reads: the new records added, and for each correction the old record taken back out.
        var summaries = UsageSummaryRow.Of(written.Concat(replacements.Select(r => r.New)), tenant.YearStartMonth);
        summaries.AddRange(replacements.Select(r => Negated(r.Old, batch.Id, tenant.YearStartMonth)));
        foreach (var (old, replacement) in replacements)
        {
            db.Usage.Remove(old);
            audit.Record("usage.correct", nameof(RecordedUsage), old.RecordId, Snapshot(old), Snapshot(replacement));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.Usage.AddRange(written.Concat(replacements.Select(r => r.New)));
        db.UsageSummaries.AddRange(summaries);
        batch.Complete(written.Count + replacements.Count, written.Concat(replacements.Select(r => r.New)).Sum(u => u.Quantity));
        audit.Record("import.usage", nameof(ImportBatch), batch.Id, null, new { batch.FileName, Written = written.Count, Corrected = replacements.Count, Replayed = replayed });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new RecordUsageResult(written.Count, replayed, replacements.Count, batch.Id,
            $"Recorded {English(written.Count)}" + (replacements.Count > 0 ? $", corrected {English(replacements.Count)}" : "")
            + (replayed > 0 ? $"; {English(replayed)} held already were not written again" : "") + $" (import {batch.Id}).");
    }

    /// <summary>
    /// A record checked by the same column rules as a usage file's row (<see cref="UsageImport.Rules"/>): the same
    /// limits, bounds, open years and permissions on every door. Its "line" is its place in the request, from 1.
    /// </summary>
    private RecordedUsage? Check(UsageRecordInput record, int index, ImportContext context, ImportProblems problems, Dictionary<string, int> seen)
    {
        var line = index + 1;
        var at = new RowCheck(context, problems);
        var row = new UsageImport.Row();
        string[] cells = [record.RecordId ?? "", record.Date ?? "", record.Buyer ?? "", record.Offering ?? "",
            record.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "", record.JobReference ?? "", record.RecordedBy ?? ""];
        if (!UsageImport.Rules.Read(new CsvRow(line, cells), row, at))
        {
            return null;
        }
        if (!seen.TryAdd(row.Id, index))
        {
            problems.Add(new ImportProblem(line, "recordId", row.Id, $"is already record {seen[row.Id]} of this request."));
            return null;
        }
        return new RecordedUsage(context.AuthorityId, 0, row.Id, row.Date, row.Buyer, row.Offering!.Id, row.Quantity, row.Job, row.By.Length > 0 ? row.By : tenants.Actor.Name);
    }

    private static DomainError Error(ImportProblem p) =>
        new($"records[{p.Line - 1}].{p.Column}", p.Value.Length == 0 ? p.Reason : $"'{Parse.Shown(p.Value)}': {p.Reason}");

    private static bool SameContent(RecordedUsage a, RecordedUsage b) =>
        a.Date == b.Date && a.BuyerCostCentreId == b.BuyerCostCentreId && a.OfferingId == b.OfferingId && a.Quantity == b.Quantity
        && a.JobReference == b.JobReference && a.RecordedBy == b.RecordedBy;

    private static string Key(RecordedUsage u) => string.Join('\u001f', u.RecordId, u.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        u.BuyerCostCentreId.ToString(CultureInfo.InvariantCulture), u.OfferingId.ToString(CultureInfo.InvariantCulture), u.Quantity.ToString(CultureInfo.InvariantCulture),
        u.JobReference, u.RecordedBy);

    private static RecordedUsage WithBatch(RecordedUsage u, int batchId) =>
        new(u.AuthorityId, batchId, u.RecordId, u.Date, u.BuyerCostCentreId, u.OfferingId, u.Quantity, u.JobReference, u.RecordedBy);

    private static UsageSummaryRow Negated(RecordedUsage old, int batchId, int yearStartMonth)
    {
        var period = AccountingPeriod.Containing(old.Date, yearStartMonth);
        return new UsageSummaryRow
        {
            AuthorityId = old.AuthorityId,
            ImportBatchId = batchId,
            FinancialYearStart = period.Year.StartYear,
            PeriodNumber = period.Number,
            BuyerCostCentreId = old.BuyerCostCentreId,
            OfferingId = old.OfferingId,
            Quantity = -old.Quantity,
            Records = -1,
        };
    }

    private static object Snapshot(RecordedUsage u) => new { u.RecordId, Date = u.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.BuyerCostCentreId, u.OfferingId, u.Quantity, u.JobReference, u.RecordedBy, u.ImportBatchId };

    private static string English(int records) => Domain.Text.English.Count(records, "record");
}
