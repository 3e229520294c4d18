using System.Text;
using System.Text.Json;
using CsCheck;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Features.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Fuzz.Tests;

/// <summary>
/// <c>POST /api/usage</c>'s body as the API reads it: System.Text.Json with the web defaults and FairShare's
/// converters, then <see cref="RecordUsage"/> against the demo database. A body that is not the request's JSON is a
/// <see cref="JsonException"/> (the framework's 400) or no request at all; any request is answered with an outcome,
/// never an exception. A refusal writes nothing; an acceptance writes one batch, its records and its summaries.
/// </summary>
public sealed class RecordUsageFuzz(FuzzDatabase database) : IClassFixture<FuzzDatabase>
{
    private static readonly JsonSerializerOptions Web = FairShareJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static readonly string[] Seeds =
    [
        """{"records":[{"recordId":"FZ-API-1","date":"2027-01-05","buyer":"F-OP","offering":"LEG-ADV","quantity":1,"jobReference":"J-1","recordedBy":"Fuzz"}]}""",
        """{"records":[{"recordId":"FZ-API-2","date":"2027-01-06","buyer":"F-CSC","offering":"LEG-ADV","quantity":2.5},{"recordId":"FZ-API-3","date":"2027-02-01","buyer":"F-OP","offering":"LEG-ADV","quantity":"3"}],"correction":false}""",
        """{"Records":[{"RecordId":"FZ-API-4","Date":"2027-01-05","Buyer":"F-OP","Offering":"LEG-ADV","Quantity":10}],"correction":true}""",
    ];

    /// <summary>Records built from hostile values: every field any value, numbers as numbers or text, ids repeated, a request past the most records.</summary>
    private static Gen<string> Structured { get; } =
        Gen.Select(
            Gen.Select(Gen.OneOf("FZ-A", "FZ-B", "FZ-A ", ""), Gen.OneOf(Hostile.Values), Gen.OneOf(Hostile.Values), Gen.OneOf(Hostile.Values), Gen.OneOf(Hostile.Values), Gen.Int[0, 3],
                (id, date, buyer, offering, quantity, form) => $"{{\"recordId\":{Text(id + (form == 3 ? quantity : ""))},\"date\":{Text(form == 0 ? date : "2027-01-05")},"
                    + $"\"buyer\":{Text(form == 1 ? buyer : "F-OP")},\"offering\":{Text(form == 2 ? offering : "LEG-ADV")},\"quantity\":{Number(quantity)},\"jobReference\":{Text(buyer)},\"recordedBy\":null}}")
                .Array[0, 6],
            Gen.Frequency((30, Gen.Const(0)), (1, Gen.Const(RecordUsage.MaxRecords + 1))),
            Gen.OneOf("true", "false", "null", "1", "\"yes\"", "[]"),
            (records, extra, correction) => $"{{\"records\":[{string.Join(',', records.Concat(Enumerable.Repeat("{\"recordId\":\"x\"}", extra)))}],\"correction\":{correction}}}");

    private static string Text(string value) => JsonSerializer.Serialize(value);

    private static string Number(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) && value.Trim() == value && value.Length > 0 && !value.StartsWith('.')
            ? value : Text(value);

    [Fact]
    public void TheUsageApiBody_IsA400OrAnOutcome_AndARefusalWritesNothing() =>
        Fuzzing.Run("record-usage-json", Gen.Frequency((3, Hostile.Of([.. Seeds.Select(Encoding.UTF8.GetBytes)])), (2, Structured.Select(Encoding.UTF8.GetBytes))),
            body => RecordAsync(body).GetAwaiter().GetResult(), Hostile.Show);

    private async Task<string> RecordAsync(byte[] body)
    {
        RecordUsageRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<RecordUsageRequest>(body, Web);
        }
        catch (JsonException e)
        {
            return "400: " + e.Message.Split('.')[0];
        }
        if (request is null)
        {
            return "400: no body";
        }
        var before = database.Counts();
        Outcome<RecordUsageResult> outcome;
        await using (var scope = await database.Database.ScopeForAsync(DemoCatalogue.CountyCode, new RoleGrant(Role.FinanceOfficer), "Fuzz finance officer"))
        {
            outcome = await scope.ServiceProvider.GetRequiredService<RecordUsage>().HandleAsync(request);
        }
        var after = database.Counts();
        var changes = FuzzDatabase.Changes(before, after);
        if (!outcome.IsOk)
        {
            Fuzzing.Require(outcome.Kind is OutcomeKind.Invalid or OutcomeKind.Refused, $"{outcome.Kind}: {outcome.Message}");
            Fuzzing.Require(outcome.Errors.Count > 0 && outcome.Errors.All(e => e.Field.Length > 0 && e.Message.Length > 0), "refused without naming a field and a reason");
            Fuzzing.Require(changes is "", $"refused, yet written: {changes}");
            return $"{outcome.Kind}: " + string.Join("; ", outcome.Errors.Take(3).Select(e => Fuzzing.Shape(e.Field) + " " + e.Message));
        }
        try
        {
            var result = outcome.Value;
            var usage = after["Usage"] - before["Usage"];
            Fuzzing.Require(usage == result.Written, $"{result.Written} written, {usage} records stored");
            Fuzzing.Require(result.Written + result.Corrected == 0 ? changes is "" : after["ImportBatches"] - before["ImportBatches"] == 1, $"accepted, and wrote {changes}");
            Fuzzing.Require(result.Written + result.Corrected + result.Replayed == request.Records!.Count, "records neither written, corrected nor replayed");
        }
        finally
        {
            database.Restore();
        }
        return "accepted";
    }
}
