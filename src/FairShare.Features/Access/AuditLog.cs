using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

public sealed record AuditSearch(string? Text = null, DateOnly? From = null, DateOnly? To = null, int Limit = 500);

public sealed record AuditLine(long Id, DateTimeOffset At, string Actor, string Via, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>An auditor (or administrator) searches the authority's audit log, newest first.</summary>
public sealed class SearchAuditLog(FairShareDbContext db, TenantContext tenants)
{
    public async Task<IReadOnlyList<AuditLine>> HandleAsync(AuditSearch search, CancellationToken cancellationToken = default)
    {
        tenants.Require(Permission.ReadAuditLog, "read the audit log");
        var authorityId = tenants.Current.AuthorityId;
        var query = db.AuditEntries.AsNoTracking().Where(a => a.AuthorityId == authorityId);
        if (search.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        if (search.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        var entries = await query.OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var text = search.Text?.Trim();
        return entries
            .Where(a => string.IsNullOrEmpty(text)
                || a.ActorName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.Action.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.EntityType.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (a.After ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)
                || (a.Before ?? "").Contains(text, StringComparison.OrdinalIgnoreCase))
            .Take(Math.Clamp(search.Limit, 1, 10_000))
            .Select(a => new AuditLine(a.Id, a.At, a.ActorName, a.Via, a.Action, a.EntityType, a.EntityId, a.Before, a.After))
            .ToArray();
    }
}

/// <summary>The audit log as CSV, for an auditor's own tools.</summary>
public static class AuditExport
{
    private static readonly string?[] Header = ["id", "at", "actor", "via", "action", "entityType", "entityId", "before", "after"];

    public static string ToCsv(IEnumerable<AuditLine> lines) =>
        Exports.CsvText.Write(new[] { Header }
            .Concat(lines.Select(l => new string?[]
            {
                l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                l.Actor, l.Via, l.Action, l.EntityType, l.EntityId, l.Before, l.After,
            })));
}
