using System.Security.Cryptography;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;

namespace FairShare.Features.Access;

public sealed record IssuePasswordResetLinkRequest(int Id);

/// <summary>The secret of a reset link, shown this once: the host makes the link (/reset-password?token=…). No email is sent.</summary>
public sealed record PasswordResetIssued(int UserId, string Email, string Secret, DateTimeOffset ExpiresAt);

/// <summary>
/// An administrator makes a one-time link for a person to set a local password, to give them by hand. Its secret is
/// random, kept only as a hash, works once, for <see cref="PasswordResetLink.ValidHours"/> hours, and replaces any
/// earlier link. The audit log records that a link was made and until when, never the secret.
/// </summary>
public sealed class IssuePasswordResetLink(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<PasswordResetIssued>> HandleAsync(IssuePasswordResetLinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "manage users") is { } forbidden)
        {
            return Outcome<PasswordResetIssued>.Forbidden(forbidden);
        }
        var user = await People.FindAsync(db, tenants, request.Id, cancellationToken);
        if (user is null)
        {
            return Outcome<PasswordResetIssued>.NotFound(People.NotFound(request.Id));
        }
        if (user.IsDisabled)
        {
            return Outcome<PasswordResetIssued>.Refused($"{user.Email} is disabled: enable the account before giving them a reset link.", "id");
        }
        var (secret, hash) = PasswordResetLink.Create(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().AddHours(PasswordResetLink.ValidHours);
        user.IssuePasswordReset(hash, expires);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("user.reset-link", nameof(UserAccount), user.Id, null, new { user.Email, ExpiresAt = expires });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordResetIssued(user.Id, user.Email, secret, expires);
    }
}
