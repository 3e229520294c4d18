using System.Text.Json;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

/// <summary>
/// Adds an audit entry to the unit of work of the use case that changes something, so the change and its
/// record are saved together or not at all.
/// </summary>
public sealed class AuditTrail(FairShareDbContext db, TenantContext tenants, TimeProvider clock)
{
    public void Record(string action, string entityType, object entityId, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry(
            tenants.Actor, clock.GetUtcNow(), action, entityType,
            Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Snapshot(before), Snapshot(after)));

    private static string? Snapshot(object? state) => state is null ? null : JsonSerializer.Serialize(state, FairShareJson.Compact);
}
