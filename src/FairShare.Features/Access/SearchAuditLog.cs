using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Inputs;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>Entries mentioning the text (a person, action or record), from and to dates as YYYY-MM-DD (both included), at most Limit of them.</summary>
public sealed record SearchAuditLogRequest(string? Text = null, string? From = null, string? To = null, int Limit = 500);

public sealed record AuditLine(long Id, DateTimeOffset At, string Actor, string Via, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>An auditor (or administrator) searches the authority's audit log, newest first.</summary>
public sealed class SearchAuditLog(FairShareDbContext db, TenantContext tenants)
{
    public async Task<Outcome<IReadOnlyList<AuditLine>>> HandleAsync(SearchAuditLogRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ReadAuditLog, "read the audit log") is { } forbidden)
        {
            return Outcome<IReadOnlyList<AuditLine>>.Forbidden(forbidden);
        }
        var from = OptionalDate(request.From, "from");
        var to = OptionalDate(request.To, "to");
        List<DomainError> errors = [.. from.Errors, .. to.Errors];
        if (errors.Count == 0 && from.Value is { } earliest && to.Value is { } latest && latest < earliest)
        {
            errors.Add(new DomainError("to", $"'To' ({latest:yyyy-MM-dd}) is before 'from' ({earliest:yyyy-MM-dd}); put the earlier date first."));
        }
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<AuditLine>>.Invalid(errors);
        }
        var authorityId = tenants.Current.AuthorityId;
        var query = db.AuditEntries.AsNoTracking().Where(a => a.AuthorityId == authorityId);
        if (from.Value is { } first)
        {
            var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        if (to.Value is { } last)
        {
            var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        var entries = await query.OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var text = request.Text?.Trim();
        return entries
            .Where(a => string.IsNullOrEmpty(text)
                || a.ActorName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.Action.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.EntityType.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (a.After ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)
                || (a.Before ?? "").Contains(text, StringComparison.OrdinalIgnoreCase))
            .Take(Math.Clamp(request.Limit, 1, 10_000))
            .Select(a => new AuditLine(a.Id, a.At, a.ActorName, a.Via, a.Action, a.EntityType, a.EntityId, a.Before, a.After))
            .ToArray();
    }

    private static Result<DateOnly?> OptionalDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<DateOnly?>.Success(null);
        }
        var date = Parse.Date(text, field);
        return date.IsSuccess ? Result<DateOnly?>.Success(date.Value) : Result<DateOnly?>.Failure(date.Errors);
    }
}
