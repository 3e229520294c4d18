using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>The secret from a reset link and the new password (twice, as typed).</summary>
public sealed record ResetPasswordRequest(string? Token, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// A person uses their one-time link to set a local password: before signing in, so the account is found by the
/// link's hash alone. A link unknown, used, expired or of a disabled account gets one answer. The new password ends
/// every session the account had; the link is spent. Audited as the person's own act, without the password or the link.
/// </summary>
public sealed class ResetPassword(FairShareDbContext db, TenantContext tenants, AuditTrail audit, TimeProvider clock)
{
    public const string Unusable = "This link has expired or has already been used. Ask your FairShare administrator for a new one.";

    public async Task<Outcome<Done>> HandleAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var hash = PasswordResetLink.HashOf(request.Token?.Trim() ?? "");
        var user = string.IsNullOrWhiteSpace(request.Token) ? null
            : await db.AsSystemAsync(() => db.UserAccounts.Include(u => u.Roles).Include(u => u.Authority).FirstOrDefaultAsync(u => u.PasswordResetHash == hash, cancellationToken));
        if (user is null || !user.HasValidPasswordReset(hash, now))
        {
            return Outcome<Done>.Refused(Unusable, "token");
        }
        List<DomainError> errors = [.. People.NewPassword(request.NewPassword, "newPassword")];
        if (errors.Count == 0 && !string.Equals(request.NewPassword, request.ConfirmPassword, StringComparison.Ordinal))
        {
            errors.Add(new DomainError("confirmPassword", "does not match the new password."));
        }
        if (errors.Count > 0)
        {
            return Outcome<Done>.Invalid(errors);
        }
        tenants.Set(Tenant.Of(user.Authority), new Actor(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user.DisplayName, user.AuthorityId, user.Grants, "web"));
        user.PasswordHash = Passwords.NewHasher().HashPassword(user, request.NewPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.AccessFailedCount = 0;
        user.CancelPasswordReset();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("user.password-set-by-link", nameof(UserAccount), user.Id, null, new { user.Email });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Done($"Your password is set. Sign in with {user.Email} and your new password.");
    }
}
