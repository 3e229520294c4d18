using FairShare.Domain.Recording;
using FairShare.Features.Imports;
using FairShare.Features.Inputs;
using FairShare.Features.Ledger;
using FairShare.Features.Recharge;
using FairShare.Features.Statements;
using FairShare.Features.Usage;

namespace FairShare.Web.Api;

/// <summary>The month end for machine clients: periods, imports, runs (dry run, post, reverse, close), statements and the GL journal.</summary>
public static class MonthEndEndpoints
{
    public sealed record PeriodBody(string? Period);

    public sealed record SentBody(string? LedgerReference);

    public sealed record WithdrawBody(string? Reason, bool DryRun = false);

    public static RouteGroupBuilder MapMonthEnd(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/periods", async (GetMonthEnd handler, CancellationToken ct, string? year = null) =>
                (await handler.HandleAsync(new GetMonthEndRequest(year), ct)).ToHttp())
            .WithSummary("The year's twelve periods and period 13, each with its state, imports and runs (finance officer, auditor)");
        api.MapPost("/recharge/runs", async (PostRechargeRunRequest request, PostRechargeRun handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, cancellationToken: ct)).ToHttp())
            .WithSummary("Run the period's recharge: { period, dryRun, method }; a dry run posts nothing (finance officer)");
        api.MapGet("/recharge/runs/{id:int}", async (int id, GetRechargeRun handler, CancellationToken ct) =>
                (await handler.HandleAsync(new GetRechargeRunRequest(id), ct)).ToHttp())
            .WithSummary("One run: its summary, recovery table and journals (finance officer, auditor)");
        api.MapPost("/recharge/reverse", async (PeriodBody body, ReverseRechargeRun handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ReverseRechargeRunRequest(body.Period), ct)).ToHttp())
            .WithSummary("Reverse the period's posted run with exact reversing journals: { period } (finance officer)");
        api.MapPost("/recharge/close", async (PeriodBody body, ClosePeriod handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ClosePeriodRequest(body.Period), ct)).ToHttp())
            .WithSummary("Close the period for good: { period } (finance officer)");
        api.MapGet("/journal", async (ExportJournal handler, CancellationToken ct, string? period = null, int? batch = null) =>
                (await handler.HandleAsync(new ExportJournalRequest(period, batch), ct)).ToHttp(j => new JournalFile(j)))
            .WithSummary("A CSV journal for the general ledger: the period's posted run (?period=2026-05) or one numbered batch (?batch=3); "
                + "headers X-FairShare-Batch and X-FairShare-Chain-Head carry the batch and the journal chain's head after it, to keep with the load");
        api.MapGet("/verify", async (VerifyLedger handler, CancellationToken ct) =>
                (await handler.HandleAsync(new VerifyLedgerRequest(), ct)).ToHttp())
            .WithSummary("Check the ledger and the audit log: every seal, link and balance, and every batch's totals and chain head; "
                + "intact: true, or each finding (auditor, finance officer, administrator)");
        api.MapGet("/journal/batches", async (ListJournalBatches handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ListJournalBatchesRequest(), ct)).ToHttp())
            .WithSummary("The numbered journal batches with their control totals (lines, debits, credits) and whether each was sent to the ledger");
        api.MapPost("/journal/batches/{id:int}/sent", async (int id, SentBody body, MarkJournalBatchSent handler, CancellationToken ct) =>
                (await handler.HandleAsync(new MarkJournalBatchSentRequest(id, body.LedgerReference), ct)).ToHttp())
            .WithSummary("Record that a batch was loaded into the ledger: { ledgerReference }; appended once, a second time is 409 (finance officer)");
        api.MapGet("/statements/{id:int}", async (int id, GetStatement handler, CancellationToken ct, string? period = null) =>
                (await handler.HandleAsync(new GetStatementRequest(id, period), ct)).ToHttp())
            .WithSummary("A cost centre's statement: charges it controls and support costs apportioned to it (?period=2026-05)");
        api.MapPost("/usage", async (RecordUsageRequest request, RecordUsage handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp())
            .WithSummary("Usage and time records, all or nothing and idempotent by record id: { records: [{ recordId, date, buyer, offering, quantity, jobReference, recordedBy }], correction }. "
                + "A record held with the same content is a replay (nothing written); with other content 409, unless sent with correction: true while its period is open");
        api.MapPost("/imports/{kind}", ImportAsync)
            .WithSummary("Import a CSV file, all or nothing: the body is the file (text/csv); ?fileName=&expectTotal=&encoding=utf-8|windows-1252 (usage: provider staff and finance officers; the rest: finance officers)");
        api.MapGet("/imports", async (ListImports handler, CancellationToken ct, string? period = null) =>
                (await handler.HandleAsync(new ListImportsRequest(period), ct)).ToHttp())
            .WithSummary("The imports, newest first, with the periods each wrote into and whether it was withdrawn (?period=2026-05) (finance officer, auditor)");
        api.MapPost("/imports/{id:int}/withdraw", async (int id, WithdrawBody body, WithdrawImport handler, CancellationToken ct) =>
                (await handler.HandleAsync(new WithdrawImportRequest(id, body.Reason, body.DryRun), ct)).ToHttp())
            .WithSummary($"Withdraw an import while its periods are open: {{ reason, dryRun }}; removes every record it wrote, keeps the import marked withdrawn and audits it; "
                + $"dryRun: true says what would be removed and writes nothing. Reason required, at most {Domain.Recording.ImportBatch.MaxWithdrawalReason} characters; 409 once a period is posted or closed, or when withdrawn already (finance officer)");
        return api;
    }

    private static async Task<IResult> ImportAsync(string kind, HttpRequest request, ImportFile handler, CancellationToken ct, string? fileName = null, decimal? expectTotal = null, string? encoding = null)
    {
        var parsed = Parse.Word<ImportKind>(kind, "kind");
        var textEncoding = Parse.Encoding(encoding);
        if (!parsed.IsSuccess || !textEncoding.IsSuccess)
        {
            return OutcomeResults.Invalid([.. parsed.Errors, .. textEncoding.Errors]);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var name = string.IsNullOrWhiteSpace(fileName) ? $"{parsed.Value.ToString().ToLowerInvariant()}.csv" : fileName;
        return (await handler.HandleAsync(new ImportRequest(parsed.Value, name, body.ToArray(), expectTotal, textEncoding.Value), ct)).ToHttp();
    }

    /// <summary>The journal as CSV, with its batch and chain head in headers, so a ledger's loader can keep them with the load.</summary>
    private sealed class JournalFile(JournalExport journal) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (journal.Batch is { } batch)
            {
                httpContext.Response.Headers["X-FairShare-Batch"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (journal.ChainHead is { Length: > 0 } head)
            {
                httpContext.Response.Headers["X-FairShare-Chain-Head"] = head;
            }
            return TypedResults.Text(journal.Csv, "text/csv; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
