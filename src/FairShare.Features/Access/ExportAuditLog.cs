using System.Globalization;
using FairShare.Features.Tenancy;

namespace FairShare.Features.Access;

public sealed record ExportAuditLogRequest(string? Text = null, string? From = null, string? To = null);

/// <summary>The audit log as a CSV file, and the name to save it under.</summary>
public sealed record AuditCsv(string FileName, string Csv);

/// <summary>The audit log as CSV for an auditor's own tools: the same search, up to 10,000 entries, formulas neutralised.</summary>
public sealed class ExportAuditLog(SearchAuditLog search, TenantContext tenants)
{
    public const int MostEntries = 10_000;

    private static readonly string?[] Header = ["id", "at", "actor", "via", "action", "entityType", "entityId", "before", "after"];

    public async Task<Outcome<AuditCsv>> HandleAsync(ExportAuditLogRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = await search.HandleAsync(new SearchAuditLogRequest(request.Text, request.From, request.To, MostEntries), cancellationToken);
        return lines.Map(found => new AuditCsv($"audit-{tenants.Current.Code}.csv", ToCsv(found)));
    }

    private static string ToCsv(IEnumerable<AuditLine> lines) =>
        Exports.CsvText.Write(new[] { Header }
            .Concat(lines.Select(l => new string?[]
            {
                l.Id.ToString(CultureInfo.InvariantCulture), l.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                l.Actor, l.Via, l.Action, l.EntityType, l.EntityId, l.Before, l.After,
            })));
}
