using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace FairShare.Persistence;

/// <summary>
/// Tells PostgreSQL, on every connection EF opens, which authority the work is for; the row-level security
/// policies (migration AccessAndAudit) read it with <c>current_setting('fairshare.authority_id')</c>.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection, eventData).GetAwaiter().GetResult();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Apply(connection, eventData, cancellationToken);

    private static async Task Apply(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not NpgsqlConnection npgsql || eventData.Context is not FairShareDbContext db)
        {
            return;
        }
        await using var command = new NpgsqlCommand(
            "SELECT set_config('fairshare.authority_id', $1, false), set_config('fairshare.system', $2, false)", npgsql);
        command.Parameters.Add(new NpgsqlParameter { Value = db.TenantAuthorityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = db.SystemAccess ? "on" : "off" });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
